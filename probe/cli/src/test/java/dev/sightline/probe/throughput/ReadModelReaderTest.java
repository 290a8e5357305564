package dev.sightline.probe.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scroll that reads the exporter's documents back: its pages and its next request. */
class ReadModelReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReadAPagesScrollIdAndEachHitsIdAndSource() throws Exception {
    // given a page as filter_path leaves it
    var answer =
        """
        {"_scroll_id":"FGluY2x1ZGU","hits":{"hits":[
          {"_id":"2251799813685249","_source":{"key":2251799813685249,"state":"ACTIVE","tags":["a"]}},
          {"_id":"2251799813685250","_source":{"key":2251799813685250,"payload":{"x":1.5}}}]}}""";

    // when
    var page = ReadModelReader.page(stream(answer));

    // then
    assertThat(page.scrollId()).isEqualTo("FGluY2x1ZGU");
    assertThat(page.hitList())
        .containsExactly(
            new ReadModelReader.Hit(
                "2251799813685249",
                Map.of("key", 2251799813685249L, "state", "ACTIVE", "tags", List.of("a"))),
            new ReadModelReader.Hit(
                "2251799813685250", Map.of("key", 2251799813685250L, "payload", Map.of("x", 1.5))));
  }

  @Test
  void shouldReadTheLastPageWithoutHitsAsEmpty() throws Exception {
    // given filter_path's answer when a scroll is exhausted: no hits key at all
    // when
    var page = ReadModelReader.page(stream("{\"_scroll_id\":\"FGluY2x1ZGU\"}"));
    // then
    assertThat(page.hitList()).isEmpty();
    assertThat(page.scrollId()).isEqualTo("FGluY2x1ZGU");
  }

  @Test
  void shouldAskForTheNextPageByScrollIdKeepingTheScrollAlive() throws Exception {
    // when
    var request = ReadModelReader.scroll("FGluY2x1ZGU");

    // then
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getEndpoint()).isEqualTo("/_search/scroll");
    assertThat(JSON.readTree(request.getEntity().getContent()).toString())
        .isEqualTo("{\"scroll\":\"1m\",\"scroll_id\":\"FGluY2x1ZGU\"}");
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
