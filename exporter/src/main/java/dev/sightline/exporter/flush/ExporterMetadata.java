package dev.sightline.exporter.flush;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the exporter keeps in the broker beside its acknowledged position: versioned JSON, so a
 * newer exporter can read an older one's state. Unknown fields (a newer writer) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExporterMetadata(int version, boolean importersDone) {

  public static final int CURRENT_VERSION = 1;

  public static ExporterMetadata initial() {
    return new ExporterMetadata(CURRENT_VERSION, false);
  }

  /** Remembered so that a restart never waits for the importers again. */
  public ExporterMetadata withImportersDone() {
    return new ExporterMetadata(CURRENT_VERSION, true);
  }

  public byte[] toJson(ObjectMapper json) {
    try {
      return json.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ExporterMetadata fromJson(byte[] bytes, ObjectMapper json) {
    try {
      return json.readValue(bytes, ExporterMetadata.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "exporter metadata is not Sightline's JSON: "
              + new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
          e);
    }
  }
}
