package dev.sightline.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sightline} launcher itself, run as a user runs it from the project root. The reactor
 * has built the CLI before this module's integration tests, so the launcher starts it without
 * building.
 */
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern README_COMMAND = Pattern.compile("\\./sightline ([a-z][a-z-]*)");

  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private Result sightline(String... args) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<String>(List.of(ROOT.resolve("sightline").toString()));
    command.addAll(List.of(args));
    var out = dir.resolve("out.txt");
    var err = dir.resolve("err.txt");
    var process =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("./sightline %s ended", command).isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void shouldListEveryCommandTheReadmeNamesInItsHelp() throws Exception {
    // given every ./sightline <command> the README shows
    var matcher = README_COMMAND.matcher(Files.readString(ROOT.resolve("README.md")));
    var commands = new TreeSet<String>();
    while (matcher.find()) {
      commands.add(matcher.group(1));
    }
    assertThat(commands).contains("compare", "test");

    // when
    var help = sightline("--help");

    // then each is listed as a command: indented, at the start of a line
    assertThat(help.exitCode()).as("exit code; stderr: %s", help.err()).isZero();
    assertThat(help.err()).as("the reactor's build is used as it is").doesNotContain("building");
    for (var command : commands) {
      assertThat(help.out())
          .as("./sightline --help lists '%s'", command)
          .containsPattern("(?m)^\\s+" + Pattern.quote(command) + "\\s");
    }
  }

  @Test
  void shouldRejectAnUnknownCommandWithAOneLineUsageError() throws Exception {
    // when
    var result = sightline("no-such-command");

    // then
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .as("stderr: %s", result.err())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("'no-such-command'")
        .contains("./sightline --help");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void shouldRunMavenWhateverTheBrowserAndSayWhenTheReportTestDidNotRun() throws Exception {
    // when the test command runs a Maven that builds nothing (-v prints its version and stops)
    var result = sightline("test", "-v");

    // then Maven ran, and the launcher says the report test was not part of it
    assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
    assertThat(result.out()).contains("Apache Maven");
    assertThat(result.out() + result.err())
        .contains("the report test (ReportRenderIT) was NOT run");
  }
}
