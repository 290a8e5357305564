package dev.sightline.probe.cli;

import dev.sightline.probe.compare.ProgressStyle;
import java.io.Console;

/**
 * Whether the standard output is an interactive terminal, rather than a pipe, a file or a CI log.
 */
final class Terminal {

  private Terminal() {}

  static ProgressStyle progressStyle() {
    return isTerminal() ? ProgressStyle.REDRAWN : ProgressStyle.PLAIN;
  }

  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // Java 22 and later return a Console for redirected streams too; Console.isTerminal() (22+)
    // tells them apart. The CLI is built for Java 21, where a Console exists only on a terminal.
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
