package dev.sightline.probe.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Writes a jar from compiled classes of the test classpath, without compiling anything. */
final class TestJar {

  private final List<String> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();

  /** Adds the class and its nested and anonymous classes. */
  TestJar withClass(Class<?> type) {
    try {
      Path classFile = Path.of(type.getResource(type.getSimpleName() + ".class").toURI());
      String packagePath = type.getPackageName().replace('.', '/') + "/";
      try (Stream<Path> siblings = Files.list(classFile.getParent())) {
        siblings
            .filter(
                path -> {
                  String name = path.getFileName().toString();
                  return name.equals(type.getSimpleName() + ".class")
                      || name.startsWith(type.getSimpleName() + "$");
                })
            .sorted()
            .forEach(path -> add(packagePath + path.getFileName(), read(path)));
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds the .class bytes of any class visible to this class loader (JDK classes included). */
  TestJar withClassBytesOf(Class<?> type) {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream("/" + resource)) {
      add(resource, in.readAllBytes());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestJar withResource(String name, String text) {
    add(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return this;
  }

  Path writeTo(Path jar) {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (int i = 0; i < entries.size(); i++) {
        out.putNextEntry(new JarEntry(entries.get(i)));
        out.write(contents.get(i));
        out.closeEntry();
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(String entry, byte[] bytes) {
    entries.add(entry);
    contents.add(bytes);
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
