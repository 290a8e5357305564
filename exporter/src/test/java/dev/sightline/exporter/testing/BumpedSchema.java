package dev.sightline.exporter.testing;

import dev.sightline.exporter.schema.Field;
import dev.sightline.exporter.schema.IndexDescriptor;
import dev.sightline.exporter.schema.ProcessInstanceIndex;
import dev.sightline.exporter.schema.ReadModelSchema;
import dev.sightline.exporter.schema.UpgradeStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The production schema with one index a version further, as the next schema change would declare
 * it: {@code process-instance} at v3 with a new field, {@code rootInstance}, that the upgrade step
 * from v2 derives from each old document (whether it has a parent). No handler writes the field, so
 * it is exactly on the documents that were copied forward: what a test can tell them by.
 */
public final class BumpedSchema {

  public static final Field ROOT_INSTANCE = Field.bool("rootInstance");

  public static final IndexDescriptor PROCESS_INSTANCE =
      ProcessInstanceIndex.DESCRIPTOR.nextVersion(
          withRootInstance(),
          UpgradeStep.deriveField(
              ProcessInstanceIndex.DESCRIPTOR.version(),
              ROOT_INSTANCE,
              source ->
                  !source.containsKey(ProcessInstanceIndex.PARENT_PROCESS_INSTANCE_KEY.name())));

  /** Every index as in production, {@code process-instance} at v3. */
  public static final List<IndexDescriptor> INDICES =
      ReadModelSchema.INDICES.stream()
          .map(index -> index.name().equals(PROCESS_INSTANCE.name()) ? PROCESS_INSTANCE : index)
          .toList();

  private BumpedSchema() {}

  /** A v2 process-instance document as the upgrade step makes it. */
  public static Map<String, Object> upgraded(Map<String, Object> v2) {
    return PROCESS_INSTANCE
        .upgradeFrom(ProcessInstanceIndex.DESCRIPTOR.version())
        .orElseThrow()
        .apply(v2);
  }

  private static List<Field> withRootInstance() {
    var fields = new ArrayList<>(ProcessInstanceIndex.DESCRIPTOR.fields());
    fields.add(ROOT_INSTANCE);
    return fields;
  }
}
