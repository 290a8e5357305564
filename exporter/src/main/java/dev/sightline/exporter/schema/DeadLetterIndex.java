package dev.sightline.exporter.schema;

import java.util.List;

/**
 * Documents Elasticsearch rejected for good (mapping conflicts, unparsable values), with why and
 * when, so the partition keeps moving and nothing is silently lost (policy {@code
 * errors.onRejected=dead-letter}).
 */
public final class DeadLetterIndex {

  public static final Field TARGET_INDEX = Field.keyword("targetIndex");
  public static final Field DOCUMENT_ID = Field.keyword("documentId");
  public static final Field DOCUMENT = Field.storedOnly("document");
  public static final Field ERROR_TYPE = Field.keyword("errorType");
  public static final Field STATUS = Field.integer("status");
  public static final Field REASON = Field.text("reason");
  public static final Field DEAD_LETTERED_AT = Field.date("deadLetteredAt");
  public static final Field PARTITION_ID = Field.integer("partitionId");
  public static final Field POSITION = Field.longField("position");

  public static final IndexDescriptor DESCRIPTOR =
      new IndexDescriptor(
          "dead-letter",
          1,
          List.of(
              TARGET_INDEX,
              DOCUMENT_ID,
              DOCUMENT,
              ERROR_TYPE,
              STATUS,
              REASON,
              DEAD_LETTERED_AT,
              PARTITION_ID,
              POSITION));

  private DeadLetterIndex() {}
}
