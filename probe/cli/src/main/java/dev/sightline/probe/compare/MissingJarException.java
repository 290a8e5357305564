package dev.sightline.probe.compare;

import java.nio.file.Path;

/** A jar a run needs is not there: the message says which and how to build it. */
public final class MissingJarException extends RuntimeException {

  public MissingJarException(String what, Path jar) {
    super("the " + what + " jar " + jar + " is missing: build with ./sightline build");
  }
}
