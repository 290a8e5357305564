package dev.sightline.probe.host.loading;

import dev.sightline.probe.host.config.ExporterConfiguration;
import dev.sightline.probe.host.config.ExporterDescriptor;
import dev.sightline.probe.host.loading.ExporterJarClassLoader.ResourceOrder;
import io.camunda.zeebe.exporter.api.Exporter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads exporter classes like the broker's exporter repository: from the jar's own {@link
 * ExporterJarClassLoader} when a jarPath is given (one loader per jar, shared by exporters using
 * the same jar), else from the host's class loader; the class must implement the host's {@link
 * Exporter} and have a public no-argument constructor.
 *
 * <p>Thread-safety: not thread-safe; the host loads all exporters at build time.
 */
public final class ExporterLoader implements AutoCloseable {

  private final ClassLoader hostLoader;
  private final ResourceOrder resourceOrder;
  private final Map<Path, ExporterJarClassLoader> jarLoaders = new LinkedHashMap<>();

  public ExporterLoader(ClassLoader hostLoader, ResourceOrder resourceOrder) {
    this.hostLoader = hostLoader;
    this.resourceOrder = resourceOrder;
  }

  /**
   * @throws ExporterLoadException naming the exporter and the reason
   */
  public LoadedExporter load(ExporterDescriptor descriptor) {
    String id = descriptor.id();
    ClassLoader loader =
        descriptor.jarPath().<ClassLoader>map(jar -> jarLoader(id, jar)).orElse(hostLoader);
    String origin =
        descriptor.jarPath().map(jar -> "from jar " + jar).orElse("from the host's classpath");
    Class<?> loaded;
    try {
      loaded = Class.forName(descriptor.className(), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ExporterLoadException(
          id, "cannot load class " + descriptor.className() + " " + origin, e);
    }
    Constructor<? extends Exporter> constructor = constructor(id, asExporter(id, loaded, origin));
    return new LoadedExporter(
        ExporterConfiguration.of(descriptor), loader, origin, () -> construct(id, constructor));
  }

  /**
   * Closes the jar class loaders (a broker never does; the host does it at close to release the
   * files).
   */
  @Override
  public void close() {
    jarLoaders
        .values()
        .forEach(
            loader -> {
              try {
                loader.close();
              } catch (IOException e) {
                // nothing left to do with a loader that cannot close
              }
            });
    jarLoaders.clear();
  }

  private ExporterJarClassLoader jarLoader(String id, Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new ExporterLoadException(
          id, "jarPath " + jar + " does not exist or is not a file", null);
    }
    Path key = jar.toAbsolutePath().normalize();
    return jarLoaders.computeIfAbsent(
        key, path -> ExporterJarClassLoader.of(path, hostLoader, resourceOrder));
  }

  private static Class<? extends Exporter> asExporter(String id, Class<?> loaded, String origin) {
    if (Exporter.class.isAssignableFrom(loaded)) {
      return loaded.asSubclass(Exporter.class);
    }
    String hint =
        Arrays.stream(loaded.getInterfaces())
            .filter(type -> type.getName().equals(Exporter.class.getName()))
            .findFirst()
            .map(
                copy ->
                    ": it implements a different copy of that interface (loaded by "
                        + copy.getClassLoader()
                        + "); the jar must not bundle the exporter API")
            .orElse("");
    throw new ExporterLoadException(
        id,
        "class "
            + loaded.getName()
            + " "
            + origin
            + " does not implement "
            + Exporter.class.getName()
            + hint,
        null);
  }

  private static Constructor<? extends Exporter> constructor(
      String id, Class<? extends Exporter> type) {
    try {
      Constructor<? extends Exporter> constructor = type.getConstructor();
      if (Modifier.isAbstract(type.getModifiers())) {
        throw new ExporterLoadException(id, "class " + type.getName() + " is abstract", null);
      }
      return constructor;
    } catch (NoSuchMethodException e) {
      throw new ExporterLoadException(
          id, "class " + type.getName() + " needs a public no-argument constructor", e);
    }
  }

  private static Exporter construct(String id, Constructor<? extends Exporter> constructor) {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new ExporterLoadException(
          id,
          "constructor of " + constructor.getDeclaringClass().getName() + " threw: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ExporterLoadException(
          id, "cannot call the constructor of " + constructor.getDeclaringClass().getName(), e);
    }
  }
}
