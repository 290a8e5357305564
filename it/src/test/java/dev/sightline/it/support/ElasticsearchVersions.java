package dev.sightline.it.support;

import dev.sightline.probe.es.ElasticsearchVersion;
import dev.sightline.probe.es.Engine;
import dev.sightline.probe.es.EngineVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link RealElasticsearch}: one class invocation per Elasticsearch version.
 */
final class ElasticsearchVersions implements ClassTemplateInvocationContextProvider {

  static final String VERSIONS_PROPERTY = "sightline.it.es.versions";
  private static final AtomicInteger PREFIX_COUNTER = new AtomicInteger();
  private static final int MAX_NAME_PART = 40;

  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(
      ExtensionContext context) {
    return selectedVersions().stream().map(VersionInvocation::new);
  }

  static List<ElasticsearchVersion> selectedVersions() {
    var property = System.getProperty(VERSIONS_PROPERTY, "").strip();
    if (property.isEmpty()) {
      return List.of(ElasticsearchVersion.values());
    }
    return Arrays.stream(property.split(","))
        .map(String::strip)
        .map(ElasticsearchVersion::parse)
        .toList();
  }

  /**
   * {@code it-<n>-v<major>-<method>} ({@code os<major>} for OpenSearch): lower case, as index names
   * require, and unique in this JVM.
   */
  static String uniquePrefix(EngineVersion version, String methodName) {
    var name =
        methodName
            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-");
    if (name.length() > MAX_NAME_PART) {
      name = name.substring(0, MAX_NAME_PART);
    }
    return "it-"
        + PREFIX_COUNTER.incrementAndGet()
        + (version.engine() == Engine.OPENSEARCH ? "-os" : "-v")
        + version.major()
        + "-"
        + name.replaceAll("-+$", "");
  }

  private record VersionInvocation(ElasticsearchVersion version)
      implements ClassTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
      return "Elasticsearch " + version;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new TargetResolver(version));
    }
  }

  private record TargetResolver(ElasticsearchVersion version) implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == EsTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      var node = SharedNode.of(context, version);
      // One prefix per test, even if the test asks for the target more than once.
      return context
          .getStore(ExtensionContext.Namespace.create(TargetResolver.class))
          .getOrComputeIfAbsent(
              "target",
              key ->
                  new EsTarget(
                      version,
                      node.url(),
                      uniquePrefix(
                          version, context.getTestMethod().map(m -> m.getName()).orElse("class"))),
              EsTarget.class);
    }
  }
}
