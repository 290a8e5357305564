package dev.sightline.it.security;

import dev.sightline.exporter.importers.ImportStatus;
import dev.sightline.exporter.importers.ImportStatusSource;

/** No two-hop importers in these tests. */
enum NothingToWaitFor implements ImportStatusSource {
  INSTANCE;

  @Override
  public ImportStatus check(int partitionId) {
    return ImportStatus.nothingToWaitFor();
  }

  @Override
  public void close() {}
}
