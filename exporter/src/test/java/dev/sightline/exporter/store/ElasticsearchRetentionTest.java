package dev.sightline.exporter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.exporter.store.ElasticsearchRetention.Kind;
import dev.sightline.exporter.store.RetentionStore.Found;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading retention's search answers: what a real node sends is checked in RetentionIT. */
class ElasticsearchRetentionTest {

  private static java.util.List<Found> read(String json, Kind kind) throws IOException {
    return ElasticsearchRetention.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), kind);
  }

  @Test
  void shouldReadOwnerAndKeyFromTheSortValuesAndThePositionFromItsDocValue() throws IOException {
    // given an answer as filter_path leaves it
    var json =
        """
        {"hits":{"hits":[
          {"_index":"p-variable-v1","_id":"7-x","sort":[3,9],"fields":{"position":[42]}},
          {"_index":"p-job-v1","_id":"8","sort":[3,8]}
        ]}}""";

    // when
    var found = read(json, Kind.OWNED);

    // then a hit without a position counts as written by a record not settled yet
    assertThat(found)
        .containsExactly(
            new Found("p-variable-v1", "7-x", 3, 9, 42),
            new Found("p-job-v1", "8", 3, 8, Long.MAX_VALUE));
  }

  @Test
  void shouldReadARootsKeyFromItsSecondSortValueAndGiveItNoOwner() throws IOException {
    var json =
        """
        {"hits":{"hits":[{"_index":"p-process-instance-v2","_id":"5",\
        "sort":[1800000000000,5],"fields":{"position":[17]}}]}}""";

    assertThat(read(json, Kind.ROOT))
        .containsExactly(new Found("p-process-instance-v2", "5", -1, 5, 17));
  }

  @Test
  void shouldFindNothingInAnAnswerWithoutHits() throws IOException {
    assertThat(read("{}", Kind.OWNED)).isEmpty();
  }

  @Test
  void shouldRefuseAHitWithoutSortValues() {
    assertThatThrownBy(
            () -> read("{\"hits\":{\"hits\":[{\"_index\":\"i\",\"_id\":\"1\"}]}}", Kind.OWNED))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("two sort values");
  }
}
