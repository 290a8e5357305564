package dev.sightline.exporter.handler;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Read-model dates: ISO-8601 in UTC with milliseconds, e.g. {@code 2026-11-28T03:55:00.120Z}. */
public final class Dates {

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  private Dates() {}

  public static String iso(long epochMillis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }
}
