package dev.sightline.it.support;

import dev.sightline.probe.es.Engine;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole test class once per engine version of the tested matrix — Elasticsearch 9.5.3 and
 * 8.19.21, OpenSearch 2.19.6; with {@link #everyVersion} every version the launcher knows ({@code
 * EngineVersion.all()}, OpenSearch 3.9.0 too) — each against a real node shared by every test class
 * of this JVM. Test methods take an {@link EngineTarget} parameter: the version, the node's URL and
 * an index prefix unique to the test, so tests share the node without seeing each other's data.
 *
 * <p>System property {@code sightline.it.engines} (comma-separated, e.g. {@code
 * 9.5.3,opensearch-2.19.6}) chooses the versions instead, e.g. to narrow a quick local run; a class
 * runs on those of them its {@link #engines} allow (on none, if none is).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(EngineVersions.class)
public @interface RealEngines {

  /**
   * Every version the launcher knows, not only the tested matrix: for the engine nodes' own tests.
   */
  boolean everyVersion() default false;

  /** The engines whose versions the class runs on: both, unless it cannot run on one yet. */
  Engine[] engines() default {Engine.ELASTICSEARCH, Engine.OPENSEARCH};
}
