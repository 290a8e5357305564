package dev.sightline.exporter.testing;

import dev.sightline.exporter.importers.ImportStatus;
import dev.sightline.exporter.importers.ImportStatusSource;
import dev.sightline.exporter.store.StoreException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The importers' progress as a test scripts it: each check takes the next answer (the last one
 * repeats); {@code null} in the script means "Elasticsearch unreachable". Counts the checks.
 */
public final class ScriptedImportStatus implements ImportStatusSource {

  private final Deque<ImportStatus> answers = new ArrayDeque<>();
  private ImportStatus last;
  private int checks;
  private boolean closed;

  public ScriptedImportStatus then(ImportStatus answer) {
    answers.add(answer == null ? UNREACHABLE : answer);
    return this;
  }

  private static final ImportStatus UNREACHABLE = ImportStatus.waiting(-1, -1, "unreachable");

  @Override
  public ImportStatus check(int partitionId) {
    checks++;
    if (!answers.isEmpty()) {
      last = answers.poll();
    }
    if (last == UNREACHABLE) {
      throw new StoreException(
          "import status check failed: Elasticsearch unreachable (test)", null);
    }
    return last;
  }

  /** Every answer from now on. */
  public void answerFromNowOn(ImportStatus answer) {
    answers.clear();
    last = answer;
  }

  @Override
  public void close() {
    closed = true;
  }

  public int checks() {
    return checks;
  }

  public boolean isClosed() {
    return closed;
  }
}
