package dev.sightline.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole test class once per supported Elasticsearch version, each against a real node
 * shared by every test class of this JVM. Test methods take an {@link EsTarget} parameter: the
 * node's URL and an index prefix unique to the test.
 *
 * <p>System property {@code sightline.it.es.versions} (comma-separated, e.g. {@code 9.5.3}) narrows
 * the versions for a quick local run; the default is all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(ElasticsearchVersions.class)
public @interface RealElasticsearch {}
