package dev.sightline.probe.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineTest {

  @Nested
  class Engines {

    @Test
    void shouldParseAnEngineInAnyCase() {
      assertThat(Engine.parse("OpenSearch")).isEqualTo(Engine.OPENSEARCH);
      assertThat(Engine.parse("elasticsearch")).isEqualTo(Engine.ELASTICSEARCH);
    }

    @Test
    void shouldNameTheEnginesWhenRefusingOne() {
      assertThatThrownBy(() -> Engine.parse("solr"))
          .hasMessage("engine must be one of elasticsearch, opensearch, but was 'solr'");
    }

    @Test
    void shouldListEachEnginesOwnVersionsOnly() {
      assertThat(Engine.ELASTICSEARCH.versions())
          .containsExactly(ElasticsearchVersion.V9_5_3, ElasticsearchVersion.V8_19_21);
      assertThat(Engine.OPENSEARCH.versions())
          .containsExactly(OpenSearchVersion.V3_9_0, OpenSearchVersion.V2_19_6);
      assertThat(EngineVersion.all())
          .containsExactly(
              ElasticsearchVersion.V9_5_3,
              ElasticsearchVersion.V8_19_21,
              OpenSearchVersion.V3_9_0,
              OpenSearchVersion.V2_19_6);
    }

    @Test
    void shouldStartTheVersionsSightlineIsProvenOnByDefault() {
      assertThat(Engine.ELASTICSEARCH.defaultVersion()).isEqualTo(ElasticsearchVersion.V9_5_3);
      assertThat(Engine.OPENSEARCH.defaultVersion()).isEqualTo(OpenSearchVersion.V2_19_6);
    }

    @Test
    void shouldNameTheSettingThatBootstrapsAClusterAsEachEngineDoes() {
      assertThat(Engine.ELASTICSEARCH.initialManagerNodesSetting())
          .isEqualTo("cluster.initial_master_nodes");
      assertThat(Engine.OPENSEARCH.initialManagerNodesSetting())
          .isEqualTo("cluster.initial_cluster_manager_nodes");
    }
  }

  @Nested
  class Versions {

    @ParameterizedTest
    @CsvSource({
      "9.5.3, V9_5_3",
      "9, V9_5_3",
      "8.19.21, V8_19_21",
      "elasticsearch:8, V8_19_21",
      "elasticsearch-9.5.3, V9_5_3",
      "opensearch-2.19.6, V2_19_6",
      "OpenSearch:2, V2_19_6",
      "opensearch-3, V3_9_0",
      "opensearch:3.9.0, V3_9_0"
    })
    void shouldParseAVersionOfAnyEngine(String text, String expected) {
      assertThat(((Enum<?>) EngineVersion.parse(text)).name()).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAVersionNamingTheEnginesVersions() {
      assertThatThrownBy(() -> Engine.OPENSEARCH.parseVersion("9.5.3"))
          .hasMessage(
              "OpenSearch version must be one of 3.9.0, 2.19.6 (or its major version), but was '9.5.3'");
      assertThatThrownBy(() -> EngineVersion.parse("opensearch-1"))
          .hasMessage(
              "OpenSearch version must be one of 3.9.0, 2.19.6 (or its major version), but was '1'");
    }

    @Test
    void shouldIdentifyElasticsearchByNumberAndOpenSearchWithItsName() {
      assertThat(ElasticsearchVersion.V8_19_21.id()).isEqualTo("8.19.21");
      assertThat(OpenSearchVersion.V2_19_6.id()).isEqualTo("opensearch-2.19.6");
      assertThat(OpenSearchVersion.V2_19_6.displayName()).isEqualTo("OpenSearch 2.19.6");
      assertThat(OpenSearchVersion.V3_9_0.major()).isEqualTo(3);
    }
  }
}
