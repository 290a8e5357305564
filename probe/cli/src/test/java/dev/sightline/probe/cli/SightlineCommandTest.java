package dev.sightline.probe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sightline.probe.compare.NamedVariants;
import dev.sightline.probe.es.ElasticsearchVersion;
import dev.sightline.probe.es.EngineVersion;
import dev.sightline.probe.es.OpenSearchVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Parsing only: every command line here is refused or parsed before anything starts. */
class SightlineCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine plain() {
    return new CommandLine(new SightlineCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  private CommandLine asMainRunsIt() {
    return SightlineCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
  }

  @Nested
  class BadValues {

    static Stream<Arguments> badValues() {
      return Stream.of(
          arguments(
              List.of("run", "--variant=direct", "--duration=5x"),
              "Invalid value for option '--duration': '5x' is not a duration (examples: 90s, 2m, 500ms)"),
          arguments(
              List.of("compare", "--duration=0s"),
              "Invalid value for option '--duration': '0s' is not a duration > 0 (examples: 90s, 2m, 500ms)"),
          arguments(
              List.of("compare", "--warm-up=-1s"),
              "Invalid value for option '--warm-up': '-1s' is not a duration >= 0 (examples: 0s, 15s, 100ms)"),
          arguments(
              List.of("compare", "--worker-delay=soon"),
              "Invalid value for option '--worker-delay': 'soon' is not a duration (examples: 0s, 15s, 100ms)"),
          arguments(
              List.of("compare", "--drain-timeout=0ms"),
              "Invalid value for option '--drain-timeout': '0ms' is not a duration > 0 (examples: 90s, 2m, 500ms)"),
          arguments(
              List.of("run", "--variant=three-hop"),
              "Invalid value for option '--variant': 'three-hop' is not a variant (two-hop, direct-field, direct, each optionally with :key=value,…; or jar=<file>,class=<exporter class>,watch.index=…,watch.id=…)"),
          arguments(
              List.of("compare", "--es-version=7.17.0"),
              "Invalid value for option '--es-version': '7.17.0' is not a supported Elasticsearch version (9.5.3 or 8.19.21, or its major version)"),
          arguments(
              List.of("compare", "--engine=opensearch", "--version=9.5.3"),
              "Invalid value for option '--version': '9.5.3' is not a supported OpenSearch version (3.9.0 or 2.19.6, or its major version)"),
          arguments(
              List.of("throughput", "--engine=solr"),
              "Invalid value for option '--engine': 'solr' is not a supported engine (elasticsearch or opensearch)"),
          arguments(
              List.of("throughput", "--engine=opensearch", "--es-version=8"),
              "Invalid value for option '--es-version': '8' is not a supported OpenSearch version (3.9.0 or 2.19.6, or its major version)"),
          arguments(
              List.of("compare", "--es=http://127.0.0.1:9200", "--engine=opensearch"),
              "--engine and --version choose the embedded node; with --es the node's engine is detected: give --es or --engine/--version, not both"),
          arguments(
              List.of("throughput", "--es=http://127.0.0.1:9200", "--version=8"),
              "--engine and --version choose the embedded node; with --es the node's engine is detected: give --es or --engine/--version, not both"),
          arguments(
              List.of("compare", "--es=localhost:9200"),
              "Invalid value for option '--es' (<url>): 'localhost:9200' is not an http(s) URL with a host (example: http://127.0.0.1:9200)"),
          arguments(
              List.of("compare", "--es=ftp://127.0.0.1:9200"),
              "Invalid value for option '--es' (<url>): 'ftp://127.0.0.1:9200' is not an http(s) URL with a host (example: http://127.0.0.1:9200)"),
          arguments(
              List.of("throughput", "--es=http://127.0.0.1:9200,127.0.0.1:9201"),
              "Invalid value for option '--es' (<url>): '127.0.0.1:9201' is not an http(s) URL with a host (example: http://127.0.0.1:9200)"),
          arguments(
              List.of(
                  "run", "--variant=direct", "--es=http://127.0.0.1:9200,http://127.0.0.1:9200/"),
              "Invalid value for option '--es': http://127.0.0.1:9200/ is given twice (list each node once)"),
          arguments(
              List.of("compare", "--es=http://127.0.0.1:9200", "--nodes=3"),
              "--nodes chooses how many embedded nodes to start; with --es the nodes are the URLs given (comma-separated): give --es or --nodes, not both"),
          arguments(
              List.of(
                  "throughput", "--nodes=1", "--es=http://127.0.0.1:9200,http://127.0.0.1:9201"),
              "--nodes chooses how many embedded nodes to start; with --es the nodes are the URLs given (comma-separated): give --es or --nodes, not both"),
          arguments(
              List.of("compare", "--nodes=0"),
              "Invalid value for option '--nodes': '0' is not a whole number from 1 to 9"),
          arguments(
              List.of("run", "--variant=direct", "--nodes=10"),
              "Invalid value for option '--nodes': '10' is not a whole number from 1 to 9"),
          arguments(
              List.of("throughput", "--nodes=three"),
              "Invalid value for option '--nodes': 'three' is not a whole number from 1 to 9"),
          arguments(
              List.of("compare", "--es-heap=1x"),
              "Invalid value for option '--es-heap': '1x' is not a heap size (examples: 512m, 1g)"),
          arguments(
              List.of("compare", "--jar=no/such/exporter.jar"),
              "Invalid value for option '--jar': 'no/such/exporter.jar' is not a file"),
          arguments(
              List.of("compare", "--two-hop-jar=no/such/two-hop.jar"),
              "Invalid value for option '--two-hop-jar': 'no/such/two-hop.jar' is not a file"),
          arguments(
              List.of("compare", "--rate=0"),
              "Invalid value for option '--rate': '0' is not a number > 0"),
          arguments(
              List.of("compare", "--rate=fast"),
              "Invalid value for option '--rate': 'fast' is not a number > 0"),
          arguments(
              List.of("compare", "--rate=Infinity"),
              "Invalid value for option '--rate': 'Infinity' is not a number > 0"),
          arguments(
              List.of("compare", "--partitions=0"),
              "Invalid value for option '--partitions': '0' is not a whole number from 1 to 8191"),
          arguments(
              List.of("run", "--variant=direct", "--partitions=8192"),
              "Invalid value for option '--partitions': '8192' is not a whole number from 1 to 8191"),
          arguments(
              List.of("compare", "--payload=-1"),
              "Invalid value for option '--payload': '-1' is not a whole number >= 0"),
          arguments(
              List.of("compare", "--incident-rate=1.5"),
              "Invalid value for option '--incident-rate': '1.5' is not a number from 0 to 1 (e.g. 0.01)"),
          arguments(
              List.of("compare", "--seed=abc"),
              "Invalid value for option '--seed': 'abc' is not a long"),
          arguments(
              List.of("es", "--es-version=6"),
              "Invalid value for option '--es-version': '6' is not a supported Elasticsearch version (9.5.3 or 8.19.21, or its major version)"),
          arguments(
              List.of("es", "--engine=solr"),
              "Invalid value for option '--engine': 'solr' is not a supported engine (elasticsearch or opensearch)"),
          arguments(
              List.of("es", "--engine=opensearch", "--version=9.5.3"),
              "Invalid value for option '--version': '9.5.3' is not a supported OpenSearch version (3.9.0 or 2.19.6, or its major version)"),
          arguments(
              List.of("es", "--version=2.19.6"),
              "Invalid value for option '--version': '2.19.6' is not a supported Elasticsearch version (9.5.3 or 8.19.21, or its major version)"),
          arguments(
              List.of("es", "--nodes=0"),
              "Invalid value for option '--nodes': '0' is not a whole number from 1 to 9"),
          arguments(
              List.of("es", "--nodes=three"),
              "Invalid value for option '--nodes': 'three' is not a whole number from 1 to 9"),
          arguments(
              List.of("es", "--heap=lots"),
              "Invalid value for option '--heap': 'lots' is not a heap size (examples: 512m, 1g)"),
          arguments(
              List.of("importer", "--es=not a url"),
              "Invalid value for option '--es' (<url>): 'not a url' is not an http(s) URL with a host (example: http://127.0.0.1:9200)"),
          arguments(
              List.of("importer", "--es=http://127.0.0.1:9", "--partitions=1,0"),
              "Invalid value for option '--partitions' (<partitions>): '0' is not a whole number from 1 to 8191"),
          arguments(
              List.of("importer", "--es=http://127.0.0.1:9", "--idle-backoff=0s"),
              "Invalid value for option '--idle-backoff': '0s' is not a duration > 0 (examples: 90s, 2m, 500ms)"),
          arguments(
              List.of("throughput", "--instances=0"),
              "Invalid value for option '--instances': '0' is not a whole number >= 1"),
          arguments(
              List.of("throughput", "--partitions=0"),
              "Invalid value for option '--partitions': '0' is not a whole number from 1 to 8191"),
          arguments(
              List.of("throughput", "--payload=-5"),
              "Invalid value for option '--payload': '-5' is not a whole number >= 0"),
          arguments(
              List.of("throughput", "--bulk-size=0"),
              "Invalid value for option '--bulk-size': '0' is not a whole number >= 1"),
          arguments(
              List.of("throughput", "--rounds=none"),
              "Invalid value for option '--rounds': 'none' is not a whole number >= 1"),
          arguments(
              List.of("report", "no/such/run"),
              "Invalid value for positional parameter at index 0 (<dir>): 'no/such/run' is not a run folder (it holds no summary.json; runs are in target/sightline/)"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void shouldRefuseABadValueWithAUsageErrorNamingTheOptionTheValueAndTheRule(
        List<String> args, String message) {
      // when
      var exitCode = plain().execute(args.toArray(String[]::new));

      // then
      assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
      assertThat(err.toString().lines().findFirst()).hasValue(message);
      assertThat(err.toString()).as("no stack trace").doesNotContain("\tat ");
    }
  }

  @Nested
  class AsMainRunsIt {

    @Test
    void shouldPrintOneLineNamingTheCommandAndWhereItsHelpIs() {
      // when
      var exitCode = asMainRunsIt().execute("run", "--variant=direct", "--duration", "5x");

      // then
      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString())
          .isEqualTo(
              "sightline run: Invalid value for option '--duration': '5x' is not a duration"
                  + " (examples: 90s, 2m, 500ms); see ./sightline run --help"
                  + System.lineSeparator());
      assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldCallAnUnknownFirstWordAnUnknownCommand() {
      // when
      var exitCode = asMainRunsIt().execute("bogus");

      // then
      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString().lines())
          .containsExactly("sightline: unknown command 'bogus'; see ./sightline --help");
    }

    @Test
    void shouldRefuseAnUnknownOptionInOneLine() {
      // when
      var exitCode = asMainRunsIt().execute("compare", "--speed=11");

      // then
      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString().lines())
          .singleElement()
          .asString()
          .startsWith("sightline compare: Unknown option: '--speed=11'")
          .endsWith("; see ./sightline compare --help");
    }

    @ParameterizedTest
    @MethodSource("commandsThatLoadTheExporter")
    void shouldSayInOneLineWhichJarIsMissingAndHowToBuildIt(String command) {
      // given the default jar, relative to the project root: not there from this module's folder
      var jar =
          Path.of("exporter", "target", "sightline-exporter-" + ProjectVersion.get() + ".jar");

      // when
      var exitCode = asMainRunsIt().execute(command, "--es=http://127.0.0.1:1", "--variant=direct");

      // then
      assertThat(exitCode).isEqualTo(1);
      assertThat(err.toString().lines())
          .containsExactly(
              "sightline "
                  + command
                  + ": the exporter jar "
                  + jar
                  + " is missing: build with ./sightline build");
    }

    static Stream<String> commandsThatLoadTheExporter() {
      return Stream.of("compare", "throughput");
    }

    @Test
    void shouldListTheExitCodesOfACommandThatCanRunUnfinished() {
      // when
      var exitCode = asMainRunsIt().execute("run", "--help");

      // then
      assertThat(exitCode).isZero();
      assertThat(out.toString())
          .contains("Exit codes:")
          .containsPattern("(?m)^\\s+3\\s+A variant did not drain within --drain-timeout");
    }
  }

  @Nested
  class GoodValues {

    @Test
    void shouldTurnTheOptionsIntoTheComparisonsSettings() {
      // when
      var parsed =
          plain()
              .parseArgs(
                  "run",
                  "--variant=TWO-HOP",
                  "--duration=90s",
                  "--warm-up=0s",
                  "--rate=0.5",
                  "--partitions=8191",
                  "--incident-rate=1",
                  "--drain-timeout=PT2M",
                  "--es=https://es.example:9243");

      // then
      var run = (RunCommand) parsed.subcommand().commandSpec().userObject();
      var options = run.options.toOptions(parsed.subcommand().commandSpec().commandLine());
      assertThat(run.variant).isEqualTo(NamedVariants.TWO_HOP);
      assertThat(options.workload().duration()).isEqualTo(Duration.ofSeconds(90));
      assertThat(options.workload().warmUp()).isZero();
      assertThat(options.workload().instancesPerSecond()).isEqualTo(0.5);
      assertThat(options.workload().partitions()).isEqualTo(8191);
      assertThat(options.workload().incidentRate()).isEqualTo(1.0);
      assertThat(options.drainTimeout()).isEqualTo(Duration.ofMinutes(2));
      assertThat(options.elasticsearch()).containsExactly(URI.create("https://es.example:9243"));
    }

    static Stream<Arguments> embeddedNodes() {
      return Stream.of(
          arguments(List.of("compare"), ElasticsearchVersion.V9_5_3),
          arguments(List.of("compare", "--es-version=8"), ElasticsearchVersion.V8_19_21),
          arguments(List.of("compare", "--engine=opensearch"), OpenSearchVersion.V2_19_6),
          arguments(
              List.of("compare", "--engine", "OpenSearch", "--version", "3"),
              OpenSearchVersion.V3_9_0),
          arguments(
              List.of("run", "--variant=direct", "--engine=opensearch", "--version=2.19.6"),
              OpenSearchVersion.V2_19_6),
          arguments(List.of("throughput", "--version=8.19.21"), ElasticsearchVersion.V8_19_21),
          arguments(List.of("throughput", "--engine=opensearch"), OpenSearchVersion.V2_19_6));
    }

    @ParameterizedTest
    @MethodSource("embeddedNodes")
    void shouldStartTheNodeOfTheEngineAndVersionGivenAsEsDoes(
        List<String> args, EngineVersion expected) {
      // when
      var parsed = plain().parseArgs(args.toArray(String[]::new));

      // then
      var command = parsed.subcommand().commandSpec();
      var version =
          switch (command.userObject()) {
            case CompareCommand compare ->
                compare.options.toOptions(command.commandLine()).engineVersion();
            case RunCommand run -> run.options.toOptions(command.commandLine()).engineVersion();
            case ThroughputCommand throughput ->
                throughput.target.engineVersion(command.commandLine());
            default -> throw new AssertionError(command.name());
          };
      assertThat(version).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("commandsWithAnEmbeddedNode")
    void shouldListTheEngineOptionsInTheHelpOfEveryCommandThatStartsANode(String command) {
      // when
      var exitCode = plain().execute(command, "--help");

      // then
      assertThat(exitCode).isZero();
      assertThat(out.toString())
          .contains("--engine=<engine>")
          .contains("--version, --es-version=<version>")
          .contains("-h, --help");
    }

    static Stream<String> commandsWithAnEmbeddedNode() {
      return Stream.of("es", "compare", "run", "throughput");
    }

    @Test
    void shouldStartEachEnginesDefaultVersionUnlessAVersionIsGiven() {
      assertThat(esCommand("es").engineVersion()).isEqualTo(ElasticsearchVersion.V9_5_3);
      assertThat(esCommand("es", "--es-version=8").engineVersion())
          .isEqualTo(ElasticsearchVersion.V8_19_21);
      assertThat(esCommand("es", "--engine=opensearch").engineVersion())
          .isEqualTo(OpenSearchVersion.V2_19_6);
      var cluster = esCommand("es", "--engine=OpenSearch", "--version=3", "--nodes=3");
      assertThat(cluster.engineVersion()).isEqualTo(OpenSearchVersion.V3_9_0);
      assertThat(cluster.nodes).isEqualTo(3);
    }

    private EsCommand esCommand(String... args) {
      return (EsCommand) plain().parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void shouldAcceptEveryDefault() {
      // when
      var parsed = plain().parseArgs("compare");

      // then
      var compare = (CompareCommand) parsed.subcommand().commandSpec().userObject();
      var options = compare.options.toOptions(parsed.subcommand().commandSpec().commandLine());
      assertThat(options.workload().duration()).isEqualTo(Duration.ofSeconds(60));
      assertThat(options.workload().warmUp()).isEqualTo(Duration.ofSeconds(15));
      assertThat(options.workload().workerDelay()).isEqualTo(Duration.ofMillis(100));
      assertThat(options.drainTimeout()).isEqualTo(Duration.ofSeconds(120));
      assertThat(options.engineVersion()).isEqualTo(ElasticsearchVersion.V9_5_3);
      assertThat(options.elasticsearch()).isEmpty();
      assertThat(options.nodes()).isEqualTo(1);
    }

    static Stream<Arguments> clusters() {
      return Stream.of(
          arguments(List.of("compare", "--nodes=3")),
          arguments(List.of("run", "--variant=direct", "--nodes", "3", "--engine=opensearch")),
          arguments(List.of("throughput", "--nodes=3", "--version=8")));
    }

    @ParameterizedTest
    @MethodSource("clusters")
    void shouldStartAClusterOfTheNodesGivenAsEsDoes(List<String> args) {
      // when
      var parsed = plain().parseArgs(args.toArray(String[]::new));

      // then
      var command = parsed.subcommand().commandSpec();
      var line = command.commandLine();
      var nodes =
          switch (command.userObject()) {
            case CompareCommand compare -> compare.options.toOptions(line).nodes();
            case RunCommand run -> run.options.toOptions(line).nodes();
            case ThroughputCommand throughput -> throughput.target.nodes(line);
            default -> throw new AssertionError(command.name());
          };
      assertThat(nodes).isEqualTo(3);
    }

    @Test
    void shouldTakeEveryNodeOfAClusterInOneEsOption() {
      // when
      var parsed =
          plain()
              .parseArgs(
                  "compare", "--es=http://127.0.0.1:9200,http://127.0.0.1:9201,https://es3:9243");

      // then
      var compare = (CompareCommand) parsed.subcommand().commandSpec().userObject();
      var options = compare.options.toOptions(parsed.subcommand().commandSpec().commandLine());
      assertThat(options.elasticsearch())
          .containsExactly(
              URI.create("http://127.0.0.1:9200"),
              URI.create("http://127.0.0.1:9201"),
              URI.create("https://es3:9243"));
      assertThat(options.nodes()).as("nothing to start").isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("commandsWithAnEmbeddedNode")
    void shouldListTheNodesOptionInTheHelpOfEveryCommandThatStartsANode(String command) {
      // when
      var exitCode = plain().execute(command, "--help");

      // then
      assertThat(exitCode).isZero();
      assertThat(out.toString()).contains("--nodes=<nodes>");
    }
  }
}
