package dev.sightline.exporter.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WrittenDocumentsTest {

  private static PendingDocument whole(String id, String value) {
    var document = new PendingDocument(new DocumentKey("i", id), true);
    document.merge(Map.of("value", value));
    return document;
  }

  @Test
  void shouldKeepTheMostRecentlyUsedDocumentsWithinTheByteBound() {
    // given room for about two documents of this size
    var one = whole("1", "a".repeat(100));
    var written = new WrittenDocuments(one.estimatedBytes() * 2 + 1, 1 << 20);

    // when three are written, the first one read again before the third
    written.written(one);
    written.written(whole("2", "b".repeat(100)));
    written.get(one.key());
    written.written(whole("3", "c".repeat(100)));

    // then the least recently used one (2) is gone, and the bytes are accounted
    assertThat(written.get(one.key())).contains(Map.of("value", "a".repeat(100)));
    assertThat(written.get(new DocumentKey("i", "2"))).isEmpty();
    assertThat(written.get(new DocumentKey("i", "3"))).isPresent();
    assertThat(written.bytes()).isEqualTo(one.estimatedBytes() * 2);
  }

  @Test
  void shouldNotKeepADocumentLargerThanTheLimitNorOneItForgets() {
    var written = new WrittenDocuments(1 << 20, 500);

    written.written(whole("big", "x".repeat(1_000)));
    written.written(whole("small", "y"));
    written.forget(new DocumentKey("i", "small"));

    assertThat(written.size()).isZero();
    assertThat(written.bytes()).isZero();
  }
}
