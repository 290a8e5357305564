package dev.sightline.probe.host.loading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one exporter jar, mirroring Zeebe's {@code ExternalJarClassLoader}:
 * child-first for every class except {@code java.*}, which always comes from the system. A class
 * the jar lacks (the exporter API, the protocol, slf4j, micrometer) comes from the parent, the
 * host's class loader.
 *
 * <p>Resources: Zeebe's loader overrides only {@code loadClass}, so a broker looks resources up
 * parent-first ({@link ResourceOrder#PARENT_FIRST}, the default here); {@link
 * ResourceOrder#CHILD_FIRST} looks in the jar first instead.
 *
 * <p>Thread-safety: thread-safe (class loading locks per class name).
 */
public final class ExporterJarClassLoader extends URLClassLoader {

  private static final String JAVA_PACKAGE_PREFIX = "java.";

  /** Where resources are looked up first. */
  public enum ResourceOrder {
    /** As in a Zeebe 8.8 broker: the host's classpath, then the jar. */
    PARENT_FIRST,
    /** The jar, then the host's classpath, like classes. */
    CHILD_FIRST
  }

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final Path jarPath;
  private final ResourceOrder resourceOrder;

  private ExporterJarClassLoader(
      URL jarUrl, Path jarPath, ClassLoader parent, ResourceOrder resourceOrder) {
    super("exporter-jar:" + jarPath.getFileName(), new URL[] {jarUrl}, parent);
    this.jarPath = jarPath;
    this.resourceOrder = resourceOrder;
  }

  public static ExporterJarClassLoader of(
      Path jarPath, ClassLoader parent, ResourceOrder resourceOrder) {
    try {
      return new ExporterJarClassLoader(jarPath.toUri().toURL(), jarPath, parent, resourceOrder);
    } catch (IOException e) {
      throw new UncheckedIOException("Bad jar path " + jarPath, e);
    }
  }

  public Path jarPath() {
    return jarPath;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(JAVA_PACKAGE_PREFIX)) {
      return findSystemClass(name);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        try {
          loaded = findClass(name);
        } catch (ClassNotFoundException notInJar) {
          loaded = getParent().loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    if (resourceOrder == ResourceOrder.PARENT_FIRST) {
      return super.getResource(name);
    }
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (resourceOrder == ResourceOrder.PARENT_FIRST) {
      return super.getResources(name);
    }
    List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
    urls.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(urls);
  }
}
