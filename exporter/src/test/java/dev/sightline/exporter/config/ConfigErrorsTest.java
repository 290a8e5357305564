package dev.sightline.exporter.config;

import static dev.sightline.exporter.config.ExpectedMessages.KNOWN;
import static dev.sightline.exporter.config.ExpectedMessages.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What is refused beyond single values: credential pairs, unknown keys, conflicts, and all of it at
 * once.
 */
class ConfigErrorsTest {

  @Nested
  class Credentials {

    @Test
    void shouldAcceptUsernameWithPasswordAndAnApiKeyAlone() {
      // given
      var basic =
          Map.<String, Object>of("connect", Map.of("username", "elastic", "password", "changeme"));
      var apiKey = Map.<String, Object>of("connect.apiKey", "a2V5");
      // when
      var withBasic = ConfigParser.parse(basic).connect();
      var withApiKey = ConfigParser.parse(apiKey).connect();
      // then
      assertThat(withBasic.username()).contains("elastic");
      assertThat(withBasic.password().map(Secret::reveal)).contains("changeme");
      assertThat(withApiKey.apiKey().map(Secret::reveal)).contains("a2V5");
      assertThat(withApiKey.username()).isEmpty();
    }

    @Test
    void shouldRefuseAUsernameWithoutPassword() {
      // given
      var args = Map.<String, Object>of("connect.username", "elastic");
      // when / then
      assertThatThrownBy(() -> ConfigParser.parse(args))
          .hasMessage(
              invalid(
                  "connect.username: must be given together with connect.password, but was 'elastic'"));
    }

    @Test
    void shouldRefuseAPasswordWithoutUsernameAndMaskIt() {
      // given
      var args = Map.<String, Object>of("connect.password", "hunter2");
      // when / then
      assertThatThrownBy(() -> ConfigParser.parse(args))
          .hasMessage(
              invalid(
                  "connect.password: must be given together with connect.username, but was '***'"));
    }

    @Test
    void shouldRefuseAnApiKeyWithAUsername() {
      // given
      var args =
          Map.<String, Object>of(
              "connect", Map.of("username", "elastic", "password", "changeme", "apikey", "a2V5"));
      // when / then
      assertThatThrownBy(() -> ConfigParser.parse(args))
          .hasMessage(
              invalid(
                  "connect.apiKey: must not be given together with connect.username, but was '***'"));
    }

    @Test
    void shouldTreatABlankUsernameAsNotGiven() {
      // given a templated value left empty
      var args = Map.<String, Object>of("connect", Map.of("username", " ", "password", ""));
      // when
      var config = ConfigParser.parse(args);
      // then
      assertThat(config.connect().username()).isEmpty();
      assertThat(config.connect().password()).isEmpty();
    }
  }

  @Nested
  class UnknownAndConflictingKeys {

    @Test
    void shouldRefuseAnUnknownKeyNamingItAsGivenWithoutItsValue() {
      // given a typo in a nested key whose value is a password
      var args = Map.<String, Object>of("connect", Map.of("pasword", "hunter2"));
      // when
      var error = catchThrowableOfType(ConfigException.class, () -> ConfigParser.parse(args));
      // then
      assertThat(error).hasMessage(invalid("connect.pasword: unknown setting " + KNOWN));
      assertThat(error.errors())
          .containsExactly(new ConfigError("connect.pasword", "unknown setting " + KNOWN, null));
    }

    @Test
    void shouldRefuseAScalarWhereASectionIsExpected() {
      // given
      var args = Map.<String, Object>of("bulk", "1000");
      // when / then
      assertThatThrownBy(() -> ConfigParser.parse(args))
          .hasMessage(invalid("bulk: unknown setting " + KNOWN));
    }

    @Test
    void shouldRefuseASettingGivenTwiceWithDifferentValues() {
      // given YAML's requestTimeout and an environment variable's requesttimeout
      var args =
          Map.<String, Object>of(
              "connect", Map.of("requestTimeout", "10s", "requesttimeout", "5s"));
      // when / then
      assertThatThrownBy(() -> ConfigParser.parse(args))
          .hasMessage(
              invalid(
                  "connect.requestTimeout: must be given only once, but was given as 'connect.requestTimeout' and"
                      + " 'connect.requesttimeout'"));
    }
  }

  @Nested
  class AllAtOnce {

    @Test
    void shouldListEveryErrorInSettingsOrderThenUnknownKeys() {
      // given a missing partner, wrong types, values out of range and typos, in no particular order
      var args =
          Map.<String, Object>of(
              "retry", Map.of("maxBackof", "5s"),
              "bulk", Map.of("size", "1.5", "memoryLimit", "2GB"),
              "index.numberOfShards", 0,
              "index", Map.of("numberOfReplicas", true),
              "connect", Map.of("password", "hunter2", "requestTimeout", "forever"),
              "bulkk.delay", "1s");
      // when
      var error = catchThrowableOfType(ConfigException.class, () -> ConfigParser.parse(args));
      // then
      assertThat(error)
          .hasMessage(
              invalid(
                  "connect.password: must be given together with connect.username, but was '***'",
                  "connect.requestTimeout: must be a duration between 1ms and 10m, but was 'forever'",
                  "index.numberOfShards: must be an integer between 1 and 1024, but was '0'",
                  "index.numberOfReplicas: must be an integer between 0 and 100, but was 'true'",
                  "bulk.size: must be an integer between 1 and 100000, but was '1.5'",
                  "bulk.memoryLimit: must be a byte size between 1KB and 1GB, but was '2GB'",
                  "bulkk.delay: unknown setting " + KNOWN,
                  "retry.maxBackof: unknown setting " + KNOWN));
      assertThat(error.errors())
          .extracting(ConfigError::field)
          .containsExactly(
              "connect.password",
              "connect.requestTimeout",
              "index.numberOfShards",
              "index.numberOfReplicas",
              "bulk.size",
              "bulk.memoryLimit",
              "bulkk.delay",
              "retry.maxBackof");
    }
  }

  @Nested
  class Secrets {

    @Test
    void shouldMaskASecretOfTheWrongType() {
      // given a password YAML read as a list
      var args =
          Map.<String, Object>of(
              "connect", Map.of("username", "elastic", "password", List.of("hunter2")));
      // when / then
      assertThatThrownBy(() -> ConfigParser.parse(args))
          .hasMessage(invalid("connect.password: must be text, but was '***'"));
    }

    @Test
    void shouldNeverPrintSecretsInToStringOrDescribe() {
      // given
      var args =
          Map.<String, Object>of("connect", Map.of("username", "elastic", "password", "hunter2"));
      var withApiKey = Map.<String, Object>of("connect.apiKey", "c2VjcmV0LWtleQ==");
      // when
      var basic = ConfigParser.parse(args);
      var apiKey = ConfigParser.parse(withApiKey);
      // then
      assertThat(basic.toString() + basic.describe()).doesNotContain("hunter2").contains("***");
      assertThat(apiKey.toString() + apiKey.describe())
          .doesNotContain("c2VjcmV0LWtleQ==")
          .contains("***");
      assertThat(new Secret("hunter2")).hasToString("***");
      assertThat(Optional.of(new Secret("hunter2")).map(Secret::reveal)).contains("hunter2");
    }
  }
}
