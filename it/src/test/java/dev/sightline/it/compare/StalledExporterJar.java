package dev.sightline.it.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.protocol.record.Record;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.HdrHistogram.Histogram;

/**
 * An exporter jar, compiled at test time, whose {@code dev.sightline.exporter.SightlineExporter}
 * (the class the comparison loads for {@code --jar}) never acknowledges a record and writes its
 * latency log only when it is closed, as the real exporter writes its last interval: one {@code
 * flushed:PROCESS_INSTANCE} interval, from its first record to its close, holding record timestamp
 * → export of every process-instance record it got.
 */
final class StalledExporterJar {

  private static final String SOURCE =
      """
      package dev.sightline.exporter;

      import io.camunda.zeebe.exporter.api.Exporter;
      import io.camunda.zeebe.exporter.api.context.Context;
      import io.camunda.zeebe.protocol.record.Record;
      import io.camunda.zeebe.protocol.record.ValueType;
      import java.io.FileOutputStream;
      import java.io.IOException;
      import java.io.PrintStream;
      import java.io.UncheckedIOException;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import org.HdrHistogram.Histogram;
      import org.HdrHistogram.HistogramLogWriter;

      public final class SightlineExporter implements Exporter {
        private final Histogram exportedMicros = new Histogram(3_600_000_000L, 3);
        private Path hlog;
        private long firstExportMillis = -1;

        @Override
        public void configure(Context context) {
          var directory = context.getConfiguration().getArguments().get("latency.hlog.path");
          if (directory == null) {
            throw new IllegalArgumentException("latency.hlog.path is missing");
          }
          hlog = Path.of(directory.toString())
              .resolve("stalled-partition-" + context.getPartitionId() + ".hlog");
        }

        @Override
        public void export(Record<?> record) {
          long now = System.currentTimeMillis();
          if (firstExportMillis < 0) {
            firstExportMillis = now;
          }
          if (record.getValueType() == ValueType.PROCESS_INSTANCE) {
            exportedMicros.recordValue(Math.max(0, now - record.getTimestamp()) * 1000);
          }
        }

        @Override
        public void close() {
          if (firstExportMillis < 0) {
            return;
          }
          try {
            Files.createDirectories(hlog.getParent());
            try (var out = new PrintStream(new FileOutputStream(hlog.toFile()))) {
              var writer = new HistogramLogWriter(out);
              writer.outputLogFormatVersion();
              writer.outputStartTime(firstExportMillis);
              writer.setBaseTime(0);
              writer.outputBaseTime(0);
              writer.outputLegend();
              exportedMicros.setTag("flushed:PROCESS_INSTANCE");
              writer.outputIntervalHistogram(
                  firstExportMillis / 1000.0, System.currentTimeMillis() / 1000.0,
                  exportedMicros, 1000.0);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      """;

  private StalledExporterJar() {}

  /** Compiles the exporter against the test classpath's API jars and writes {@code dir/…jar}. */
  static Path writeTo(Path dir) throws IOException {
    var sources = Files.createDirectories(dir.resolve("src/dev/sightline/exporter"));
    var source = Files.writeString(sources.resolve("SightlineExporter.java"), SOURCE);
    var classes = Files.createDirectories(dir.resolve("classes"));
    var classpath =
        String.join(
            java.io.File.pathSeparator,
            locationOf(Exporter.class),
            locationOf(Record.class),
            locationOf(Histogram.class));
    var compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK's compiler (the tests run on a JDK)").isNotNull();
    var output = new StringWriter();
    var compiled =
        compiler
            .getTask(
                output,
                null,
                null,
                List.of("--release", "21", "-cp", classpath, "-d", classes.toString()),
                null,
                compiler
                    .getStandardFileManager(null, null, null)
                    .getJavaFileObjects(source.toFile()))
            .call();
    assertThat(compiled).as("the stalled exporter compiles: %s", output).isTrue();
    var jar = dir.resolve("stalled-exporter.jar");
    try (var out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
