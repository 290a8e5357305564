package dev.sightline.probe.recordjson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The record corpus under {@code src/test/resources/corpus/} (see its {@code PROVENANCE.md}), read
 * from the test class path only. Each file is read once per test run: the zdb files are almost 3 MB
 * each.
 */
public final class CorpusFiles {

  private static final Path ROOT = root();
  private static final Map<String, ReadAllResult> READ = new ConcurrentHashMap<>();

  private CorpusFiles() {}

  /** Every corpus data file, as a path relative to the corpus folder, sorted. */
  public static List<String> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.equals("PROVENANCE.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path path(String file) {
    return ROOT.resolve(file);
  }

  /** The file read by {@link RecordJsonReader#readAll(Path)}, memoised. */
  public static ReadAllResult read(String file) {
    return READ.computeIfAbsent(
        file,
        name -> {
          try {
            return new RecordJsonReader().readAll(path(name));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static List<String> lines(String file) {
    try {
      return Files.readAllLines(path(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    try {
      return Path.of(CorpusFiles.class.getResource("/corpus/PROVENANCE.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
