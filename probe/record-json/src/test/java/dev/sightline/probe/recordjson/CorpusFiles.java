package dev.sightline.probe.recordjson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The record corpus under {@code src/test/resources/corpus/} (see its {@code PROVENANCE.md}), read
 * from the test class path only. Each file is read once per test run: the zdb files are almost 3 MB
 * each.
 */
public final class CorpusFiles {

  private static final Path ROOT = root();
  private static final Map<String, ReadAllResult> READ = new ConcurrentHashMap<>();

  private CorpusFiles() {}

  /** Every corpus data file, as a path relative to the corpus folder, sorted. */
  public static List<String> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> ROOT.relativize(file).toString().replace('\\', '/'))
          .filter(name -> !name.equals("PROVENANCE.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path path(String file) {
    return ROOT.resolve(file);
  }

  /** The file read by {@link RecordJsonReader#readAll(Path)}, memoised. */
  public static ReadAllResult read(String file) {
    return READ.computeIfAbsent(
        file,
        name -> {
          try {
            return new RecordJsonReader().readAll(path(name));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static List<String> lines(String file) {
    try {
      return Files.readAllLines(path(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The corpus folder: on disk in this module's tests, inside the test jar for other modules' tests
   * (a reactor build past {@code package} resolves the test jar, not the classes folder).
   */
  private static Path root() {
    try {
      var uri = CorpusFiles.class.getResource("/corpus/PROVENANCE.md").toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // another class opened the jar first: Path.of finds its file system
        }
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the record corpus", e);
    }
  }
}
