package dev.sightline.exporter.handler;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * User-task dates arrive as the text the process gave ({@code 2026-11-28T10:00:00+01:00}, possibly
 * with a zone id, {@code …+01:00[Europe/Berlin]}, which Elasticsearch would refuse). They are
 * written as the read model's other dates: ISO-8601 UTC with milliseconds. Text that is not a date
 * with an offset is left out rather than rejected by Elasticsearch, which would stop the exporter.
 */
final class UserTaskDates {

  private UserTaskDates() {}

  static Optional<String> iso(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Dates.iso(ZonedDateTime.parse(text).toInstant().toEpochMilli()));
    } catch (DateTimeParseException notZoned) {
      try {
        return Optional.of(Dates.iso(OffsetDateTime.parse(text).toInstant().toEpochMilli()));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }
}
