package dev.sightline.exporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "http://localhost:9200, http://localhost:9200",
    "http://localhost:9200/, http://localhost:9200",
    "https://es.example.com, https://es.example.com",
    "HTTPS://es.example.com:9243//, https://es.example.com:9243",
    "http://proxy:8080/es/, http://proxy:8080/es",
    "http://[::1]:9200, http://[::1]:9200"
  })
  void shouldReadOneUrlAndDropTrailingSlashes(String text, String expected) {
    // given one URL
    // when
    var urls = HttpUrls.parse(text);
    // then
    assertThat(urls).containsExactly(URI.create(expected));
  }

  @Test
  void shouldReadACommaSeparatedStringAndAList() {
    // given the same two nodes as an environment variable and as a YAML list
    var text = " http://es1:9200 , http://es2:9200,";
    var list = List.of("http://es1:9200", "http://es2:9200");
    // when
    var fromText = HttpUrls.parse(text);
    var fromList = HttpUrls.parse(list);
    // then
    assertThat(fromText)
        .isEqualTo(fromList)
        .containsExactly(URI.create("http://es1:9200"), URI.create("http://es2:9200"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " , ",
        "localhost:9200",
        "es:9200",
        "ftp://es:21",
        "http://",
        "http:///path",
        "http://user:secret@es:9200",
        "http://es:9200?pretty",
        "http://es:9200#top",
        "http://es 1:9200",
        "http://es1:9200,ftp://es2:21"
      })
  void shouldRefuseAnythingButPlainHttpUrlsWithAHost(String text) {
    // given
    // when / then
    assertThatThrownBy(() -> HttpUrls.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "password {0}")
  @ValueSource(strings = {"p@ss", "pa/ss", "pa,ss", "pa ss", "p@s/s, w#rd", "a://b@c"})
  void shouldRedactPasswordsHoldingUrlSyntax(String password) {
    // given a password with characters that end a URL's user info, or split a list
    var raw = "http://elastic:" + password + "@es1:9200";
    var list = List.of(raw, "https://es2:9243");
    // when
    var shown = HttpUrls.redact(raw);
    var shownList = HttpUrls.redact(list);
    // then
    assertThat(shown).isEqualTo("http://***@es1:9200");
    assertThat(shownList).isEqualTo("[http://***@es1:9200, https://es2:9243]");
  }

  @Test
  void shouldRedactEveryUserInfoOfACommaSeparatedString() {
    // given two URLs in one string, both with credentials
    var raw = "http://a:x,y@es1:9200,https://b:z@es2:9243";
    // when
    var shown = HttpUrls.redact(raw);
    // then the second host is hidden too: a comma may belong to a password
    assertThat(shown).isEqualTo("http://***@es2:9243").doesNotContain("x").doesNotContain("z");
  }

  @Test
  void shouldRedactUserInfoWithoutAScheme() {
    // given
    // when
    var shown = HttpUrls.redact("elastic:hunter2@es:9200");
    // then
    assertThat(shown).isEqualTo("***@es:9200");
  }

  @Test
  void shouldRedactUserInfoWhenShowingARawValue() {
    // given
    var raw = List.of("http://elastic:hunter2@es1:9200", "https://token@es2:9243/");
    // when
    var shown = HttpUrls.redact(raw);
    // then
    assertThat(shown).isEqualTo("[http://***@es1:9200, https://***@es2:9243/]");
  }
}
