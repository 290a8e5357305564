package dev.sightline.it.support;

import dev.sightline.probe.es.Engine;
import dev.sightline.probe.es.EngineVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The extension behind {@link RealEngines}: one class invocation per engine version. */
final class EngineVersions implements ClassTemplateInvocationContextProvider {

  static final String ENGINES_PROPERTY = "sightline.it.engines";
  private static final AtomicInteger PREFIX_COUNTER = new AtomicInteger();
  private static final int MAX_NAME_PART = 40;

  /** The tested matrix: what CI runs every engine test class on. */
  static final List<String> MATRIX = List.of("9.5.3", "8.19.21", "opensearch-2.19.6");

  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(
      ExtensionContext context) {
    var annotation = context.getRequiredTestClass().getAnnotation(RealEngines.class);
    var engines = Set.of(annotation.engines());
    return selectedVersions(annotation.everyVersion()).stream()
        .filter(version -> engines.contains(version.engine()))
        .map(VersionInvocation::new);
  }

  /**
   * A narrowed run ({@value #ENGINES_PROPERTY}) may name only versions of an engine the class does
   * not run on; the default matrix has versions of both engines.
   */
  @Override
  public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
    return !System.getProperty(ENGINES_PROPERTY, "").isBlank();
  }

  /**
   * Those {@value #ENGINES_PROPERTY} names ({@code 9.5.3}, {@code opensearch-2.19.6}, {@code
   * opensearch:3}; see {@link EngineVersion#parse}); else every version, or the tested matrix.
   */
  static List<EngineVersion> selectedVersions(boolean everyVersion) {
    var property = System.getProperty(ENGINES_PROPERTY, "").strip();
    if (property.isEmpty()) {
      return everyVersion
          ? EngineVersion.all()
          : MATRIX.stream().map(EngineVersion::parse).toList();
    }
    return Arrays.stream(property.split(","))
        .map(String::strip)
        .map(EngineVersion::parse)
        .distinct()
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

  private record VersionInvocation(EngineVersion version)
      implements ClassTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
      return version.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new TargetResolver(version));
    }
  }

  private record TargetResolver(EngineVersion version) implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == EngineTarget.class;
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
                  new EngineTarget(
                      version,
                      node.url(),
                      uniquePrefix(
                          version, context.getTestMethod().map(m -> m.getName()).orElse("class"))),
              EngineTarget.class);
    }
  }
}
