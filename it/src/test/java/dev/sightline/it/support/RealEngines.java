package dev.sightline.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole test class once per supported engine version — every Elasticsearch and every
 * OpenSearch version the launcher knows ({@code EngineVersion.all()}) — each against a real node
 * shared by every test class of this JVM (the same node {@link RealElasticsearch} classes use for
 * an Elasticsearch version). Test methods take an {@link EngineTarget} parameter.
 *
 * <p>For tests whose client works with both engines (plain HTTP, a low-level REST client):
 * elasticsearch-java refuses OpenSearch.
 *
 * <p>System property {@code sightline.it.engines} (comma-separated, e.g. {@code
 * 9.5.3,opensearch-2.19.6}) narrows the versions for a quick local run; the default is all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(EngineVersions.class)
public @interface RealEngines {}
