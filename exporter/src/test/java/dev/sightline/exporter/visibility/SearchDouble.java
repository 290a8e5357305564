package dev.sightline.exporter.visibility;

import dev.sightline.exporter.batch.DocumentKey;
import dev.sightline.exporter.store.DocumentPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A search API double: the test says which version (position) of each document a search sees now,
 * and whether searches answer at once, when the test releases them, or never.
 */
final class SearchDouble implements VisibleStage.Search {

  enum Answers {
    AT_ONCE,
    HELD,
  }

  private record Sent(Map<String, List<String>> ids, CompletableFuture<List<DocumentPosition>> f) {}

  private final java.util.function.LongSupplier nowMillis;
  private final Map<DocumentKey, Long> searchable = new HashMap<>();
  private final List<Sent> sent = new ArrayList<>();
  private final List<Long> sentAtMillis = new ArrayList<>();
  private final List<Sent> held = new ArrayList<>();
  private Answers answers = Answers.AT_ONCE;

  SearchDouble(java.util.function.LongSupplier nowMillis) {
    this.nowMillis = nowMillis;
  }

  void answers(Answers answers) {
    this.answers = answers;
  }

  /** From now on a search sees the document at {@code position}. */
  void refreshed(String index, String id, long position) {
    searchable.put(new DocumentKey(index, id), position);
  }

  @Override
  public CompletableFuture<List<DocumentPosition>> positions(Map<String, List<String>> ids) {
    var future = new CompletableFuture<List<DocumentPosition>>();
    var search = new Sent(ids, future);
    sent.add(search);
    sentAtMillis.add(nowMillis.getAsLong());
    if (answers == Answers.AT_ONCE) {
      future.complete(found(ids));
    } else {
      held.add(search);
    }
    return future;
  }

  /** Answers the searches held so far, with what is searchable now. */
  void release() {
    held.forEach(search -> search.f().complete(found(search.ids())));
    held.clear();
  }

  /** Fails the searches held so far, as an unreachable node would. */
  void fail() {
    held.forEach(search -> search.f().completeExceptionally(new RuntimeException("unreachable")));
    held.clear();
  }

  int count() {
    return sent.size();
  }

  /** When each search was sent, on the test's clock. */
  List<Long> sentAtMillis() {
    return List.copyOf(sentAtMillis);
  }

  Map<String, List<String>> request(int index) {
    return sent.get(index).ids();
  }

  private List<DocumentPosition> found(Map<String, List<String>> ids) {
    var found = new ArrayList<DocumentPosition>();
    ids.forEach(
        (index, list) ->
            list.forEach(
                id -> {
                  var position = searchable.get(new DocumentKey(index, id));
                  if (position != null) {
                    found.add(new DocumentPosition(index, id, position));
                  }
                }));
    return found;
  }
}
