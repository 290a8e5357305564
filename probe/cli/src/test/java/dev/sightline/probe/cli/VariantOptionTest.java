package dev.sightline.probe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sightline.probe.compare.Design;
import dev.sightline.probe.compare.NamedVariants;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --variant} of compare, run and throughput: parsed, or refused in one line with exit 2
 * before anything starts (no node, no run folder).
 */
class VariantOptionTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private CommandLine asMainRunsIt() {
    return SightlineCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  @Nested
  class Parsed {

    @Test
    void shouldRunTheThreeNamedVariantsByDefault() {
      // when
      var parsed = asMainRunsIt().parseArgs("compare");

      // then
      var compare = (CompareCommand) parsed.subcommand().commandSpec().userObject();
      assertThat(compare.variants())
          .containsExactly(NamedVariants.TWO_HOP, NamedVariants.DIRECT_FIELD, NamedVariants.DIRECT);
    }

    @Test
    void shouldTakeTheVariantsGivenInTheirOrderWithTheirSettings() {
      // when
      var parsed =
          asMainRunsIt()
              .parseArgs(
                  "compare",
                  "--variant",
                  "two-hop",
                  "--variant",
                  "direct:bulk.delay=1s,bulk.size=500",
                  "--variant=direct",
                  "--variant=direct-field:label=field");

      // then
      var compare = (CompareCommand) parsed.subcommand().commandSpec().userObject();
      var variants = compare.variants();
      assertThat(variants)
          .extracting(v -> v.name())
          .containsExactly("two-hop", "direct", "direct", "direct-field");
      assertThat(variants.get(1).settings())
          .containsExactly(Map.entry("bulk.delay", "1s"), Map.entry("bulk.size", "500"));
      assertThat(variants.get(2).settings()).isEmpty();
      assertThat(variants.get(3).label()).contains("field");
      assertThat(variants.get(3).settings())
          .containsExactlyEntriesOf(NamedVariants.DIRECT_FIELD.settings());
    }

    @Test
    void shouldGiveThroughputTheSameSettings() {
      // when
      var parsed =
          asMainRunsIt()
              .parseArgs(
                  "throughput", "--variant", "direct-field", "--variant", "direct:bulk.size=500");

      // then
      var throughput = (ThroughputCommand) parsed.subcommand().commandSpec().userObject();
      assertThat(throughput.variants)
          .extracting(v -> v.design())
          .containsExactly(Design.DIRECT, Design.DIRECT);
      assertThat(throughput.variants.get(1).settings())
          .containsExactly(Map.entry("bulk.size", "500"));
    }
  }

  @Nested
  class Refused {

    static Stream<Arguments> badVariants() {
      return Stream.of(
          arguments(
              List.of("compare", "--variant=three-hop"),
              "sightline compare: Invalid value for option '--variant' (<variant>): 'three-hop' is not a variant (two-hop, direct-field, direct, each optionally with :key=value,…; or jar=<file>,class=<exporter class>,watch.index=…,watch.id=…); see ./sightline compare --help"),
          arguments(
              List.of("compare", "--variant=direct:bulk.delay"),
              "sightline compare: Invalid value for option '--variant' (<variant>): 'direct:bulk.delay' is not a valid variant: 'bulk.delay' is not key=value; see ./sightline compare --help"),
          arguments(
              List.of("run", "--variant=direct:bulk.delay=fast"),
              "sightline run: Invalid value for option '--variant': 'direct:bulk.delay=fast' is not a valid variant: bulk.delay: must be a duration between 1ms and 1h, but was 'fast'; see ./sightline run --help"),
          arguments(
              List.of("compare", "--variant=direct:index.prefix=mine"),
              "sightline compare: Invalid value for option '--variant' (<variant>): 'direct:index.prefix=mine' is not a valid variant: index.prefix is set by the comparison (the node it watches, the run's own indices and latency log); see ./sightline compare --help"),
          arguments(
              List.of("compare", "--variant=direct:label=A"),
              "sightline compare: Invalid value for option '--variant' (<variant>): 'direct:label=A' is not a valid variant: label: must be 1 to 40 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit, but was 'A'; see ./sightline compare --help"),
          arguments(
              List.of("compare", "--variant=direct:label=x", "--variant=direct-field:label=x"),
              "sightline compare: two variants are labelled 'x'; labels must be unique; see ./sightline compare --help"),
          arguments(
              List.of("throughput", "--variant=two-hop"),
              "sightline throughput: Invalid value for option '--variant' (<variant>): 'two-hop' is not a variant of Sightline's exporter (direct-field, direct, each optionally with :key=value,…): the raw bulk it is measured against is of Sightline's documents; see ./sightline throughput --help"),
          arguments(
              List.of("throughput", "--variant=direct:label=a", "--variant=direct-field:label=a"),
              "sightline throughput: two variants are labelled 'a'; labels must be unique; see ./sightline throughput --help"));
    }

    @ParameterizedTest
    @MethodSource("badVariants")
    void shouldRefuseABadVariantInOneLineBeforeAnythingStarts(List<String> args, String message) {
      // when
      var exitCode =
          asMainRunsIt()
              .execute(
                  Stream.concat(args.stream(), Stream.of("--out=" + dir.resolve("out")))
                      .toArray(String[]::new));

      // then
      assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
      assertThat(err.toString().lines()).containsExactly(message);
      assertThat(dir.resolve("out")).as("no run folder").doesNotExist();
    }

    @Test
    void shouldNameTheUnknownSettingAndTheKnownOnes() {
      // when
      var exitCode = asMainRunsIt().execute("compare", "--variant=direct:bulk.dlay=1s");

      // then
      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString().lines())
          .singleElement()
          .asString()
          .startsWith(
              "sightline compare: Invalid value for option '--variant' (<variant>):"
                  + " 'direct:bulk.dlay=1s' is not a valid variant: bulk.dlay: unknown setting"
                  + " (known: connect.url,")
          .contains(" bulk.delay,");
    }

    @Test
    void shouldRefuseAnotherExportersJarItsExporterCannotBeLoadedFromBeforeANodeStarts()
        throws IOException {
      // given a jar without the class
      var jar = dir.resolve("empty-exporter.jar");
      new JarOutputStream(Files.newOutputStream(jar)).close();

      // when
      var exitCode =
          asMainRunsIt()
              .execute(
                  "compare",
                  "--variant=jar="
                      + jar
                      + ",class=com.acme.Exporter,watch.index={prefix}-x,watch.id=key",
                  "--es=http://127.0.0.1:9",
                  "--out=" + dir.resolve("out"));

      // then
      assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
      assertThat(err.toString().lines())
          .singleElement()
          .asString()
          .startsWith("sightline compare: variant 'empty-exporter' (jar=" + jar)
          .contains("refused: Exporter 'empty-exporter'")
          .contains("com.acme.Exporter")
          .endsWith("; see ./sightline compare --help");
      assertThat(dir.resolve("out")).as("no run folder").doesNotExist();
    }
  }
}
