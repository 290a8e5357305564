package dev.sightline.probe.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.probe.report.IndexRefresh;
import org.junit.jupiter.api.Test;

/** Which refresh situation a run measured, from the index's settings answer. */
class IndexRefreshReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldSayTheIntervalIsTheDefaultWhenTheIndexDoesNotSetIt() throws Exception {
    // given an answer of GET <index>/_settings?include_defaults&flat_settings
    var body =
        JSON.readTree(
            """
            {"p-process-instance-v2": {
              "settings": {"index.number_of_shards": "1"},
              "defaults": {"index.refresh_interval": "1s", "index.search.idle.after": "30s"}}}""");

    // when
    var refresh = IndexRefreshReader.of("p-process-instance-v2", body);

    // then
    assertThat(refresh).contains(new IndexRefresh("p-process-instance-v2", "1s", false, "30s"));
    assertThat(refresh.orElseThrow().describe())
        .contains("refresh_interval 1s, the default (not set)")
        .contains("without a search for 30s");
  }

  @Test
  void shouldSayTheIntervalWasSetExplicitly() throws Exception {
    // given
    var body =
        JSON.readTree(
            """
            {"p-process-instance-v2": {
              "settings": {"index.refresh_interval": "200ms"},
              "defaults": {"index.search.idle.after": "30s"}}}""");

    // when
    var refresh = IndexRefreshReader.of("p-process-instance-v2", body);

    // then
    assertThat(refresh).contains(new IndexRefresh("p-process-instance-v2", "200ms", true, "30s"));
    assertThat(refresh.orElseThrow().describe()).contains("set explicitly");
  }

  @Test
  void shouldKnowNothingWithoutTheSetting() throws Exception {
    assertThat(IndexRefreshReader.of("x", JSON.readTree("{}"))).isEmpty();
  }
}
