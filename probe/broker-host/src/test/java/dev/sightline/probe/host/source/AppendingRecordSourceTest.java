package dev.sightline.probe.host.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppendingRecordSourceTest {

  private static Record<?> at(long position) {
    return ImmutableRecord.builder().withPosition(position).build();
  }

  private static List<Long> drain(RecordSource.RecordReader reader) {
    var positions = new ArrayList<Long>();
    for (Record<?> record = reader.next(); record != null; record = reader.next()) {
      positions.add(record.getPosition());
    }
    return positions;
  }

  @Test
  void shouldKeepReadersInPlaceWhenAcknowledgedRecordsAreTrimmed() {
    // given a reader halfway through
    var source = new AppendingRecordSource();
    for (long position = 1; position <= 10; position++) {
      source.append(at(position));
    }
    var reader = source.readerAfter(0);
    for (int i = 0; i < 5; i++) {
      reader.next();
    }

    // when everything up to 5 is trimmed and more arrives
    source.trimUpTo(5);
    source.append(at(11));

    // then the reader continues where it was, and memory holds only what is left
    assertThat(drain(reader)).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
    assertThat(source.size()).isEqualTo(6);
    assertThat(drain(source.readerAfter(8))).containsExactly(9L, 10L, 11L);
  }

  @Test
  void shouldStartANewReaderAfterTheTrimmedPartWhateverPositionItAsksFor() {
    var source = new AppendingRecordSource();
    for (long position = 1; position <= 4; position++) {
      source.append(at(position));
    }

    source.trimUpTo(2);

    assertThat(drain(source.readerAfter(0))).containsExactly(3L, 4L);
  }

  @Test
  void shouldKnowTheLastPositionAppendedAlsoWhenEverythingWasTrimmed() {
    // given
    var source = new AppendingRecordSource();
    assertThat(source.lastPosition()).isEqualTo(-1);
    source.append(at(3));
    source.append(at(7));

    // when
    var beforeTrim = source.lastPosition();
    source.trimUpTo(7);

    // then
    assertThat(beforeTrim).isEqualTo(7);
    assertThat(source.lastPosition()).isEqualTo(7);
  }
}
