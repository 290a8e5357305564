/**
 * A JSON codec for Zeebe records, written from the public protocol only (Zeebe's own JSON module is
 * not Apache-licensed). Used by the two-hop baseline's record-index exporter and importer, and by
 * tests that feed real recorded records (the corpus in this module's test jar) to the exporter;
 * never part of the drop-in exporter jar.
 *
 * <ul>
 *   <li>{@link dev.sightline.probe.recordjson.RecordJsonWriter} turns any {@code Record} into the
 *       JSON the broker's {@code record.toJson()} produces. It serialises through the value
 *       <em>interfaces</em>, so it works for the broker's own records and for {@code
 *       ImmutableRecord}s alike, and never leaks getters of an implementation class.
 *   <li>{@link dev.sightline.probe.recordjson.RecordJsonReader} turns recorded JSON (the exporter
 *       form, or the {@code zdb log print} form) back into {@code ImmutableRecord}s, so tests and
 *       replays can feed real records from any broker version since 8.1 to the exporter.
 * </ul>
 *
 * <p>Both sides derive the JSON shape from the value interfaces by reflection once per interface
 * ({@code ValueSchema}) and cache what they computed: the writer runs on the record-index
 * exporter's hot path.
 */
package dev.sightline.probe.recordjson;
