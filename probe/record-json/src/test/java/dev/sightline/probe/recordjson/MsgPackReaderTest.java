package dev.sightline.probe.recordjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MsgPackReaderTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # msgpack (hex)                      | JSON
          c0                                   | null
          c2                                   | false
          c3                                   | true
          05                                   | 5
          ff                                   | -1
          cc ff                                | 255
          cd ff ff                             | 65535
          ce ff ff ff ff                       | 4294967295
          cf 7f ff ff ff ff ff ff ff           | 9223372036854775807
          cf ff ff ff ff ff ff ff ff           | 18446744073709551615
          d0 80                                | -128
          d1 80 00                             | -32768
          d2 80 00 00 00                       | -2147483648
          d3 80 00 00 00 00 00 00 00           | -9223372036854775808
          ca 3f c0 00 00                       | 1.5
          cb 3f f8 00 00 00 00 00 00           | 1.5
          a3 61 62 63                          | "abc"
          d9 03 61 62 63                       | "abc"
          da 00 02 c3 a9                       | "\u00e9"
          92 01 a1 78                          | [1,"x"]
          dc 00 01 c0                          | [null]
          82 a1 61 01 a1 62 81 a1 63 c3        | {"a":1,"b":{"c":true}}
          de 00 01 a1 6b 90                    | {"k":[]}
          80                                   | {}
          """)
  void shouldDecodeEveryFormatZeebeDocumentsUse(String hex, String json) throws Exception {
    // given
    byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));

    // when
    JsonNode node = MsgPackReader.read(bytes);

    // then
    assertThat(node).isEqualTo(Json.MAPPER.readTree(json));
  }

  @Test
  void shouldDecodeBinaryAsBinary() {
    // given
    byte[] bytes = HexFormat.of().parseHex("c40201ff");

    // when
    JsonNode node = MsgPackReader.read(bytes);

    // then
    assertThat(node.isBinary()).isTrue();
    assertThat(PlainValues.toJava(node)).isEqualTo(new byte[] {1, (byte) 0xff});
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a3 61 62       | truncated: needs 3 bytes at offset 1 of 3
          92 01          | truncated: needs 1 bytes at offset 2 of 2
          d4 01 02       | unsupported msgpack type 0xd4 at offset 0
          c1             | unsupported msgpack type 0xc1 at offset 0
          01 02          | 1 trailing bytes after the value at offset 1
          db ff ff ff ff | length 4294967295 exceeds the data at offset 5
          """)
  void shouldRefuseMalformedInputNamingTheOffset(String hex, String message) {
    // given
    byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));

    // when / then
    assertThatThrownBy(() -> MsgPackReader.read(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
