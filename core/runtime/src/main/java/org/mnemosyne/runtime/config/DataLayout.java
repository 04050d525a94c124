package org.mnemosyne.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Mnemosyne keeps its files. Under {@code home} (default {@code ~/.mnemosyne}):
 *
 * <pre>
 * pg/           embedded PostgreSQL data directory
 * index/        saved index files (rebuildable from the database)
 * plugins/      plugin jars (overridable: mnemosyne.plugins.dir)
 * plugin-data/  one private directory per plugin
 * cache/        derived files (thumbnails, model caches)
 * uploads/      query images uploaded by visitors
 * </pre>
 *
 * Plus the shared folder with sample data and the default model ({@code mnemosyne.shared.dir},
 * default: a {@code shared/} folder found beside the checkout). Immutable.
 *
 * @param home root of Mnemosyne's own data
 * @param pluginsDir where plugin jars are scanned
 * @param pluginsDirConfigured whether {@code pluginsDir} was set explicitly (then it must exist)
 * @param sharedDir the shared folder, if found
 * @param modelDir the model directory, if known
 */
public record DataLayout(
    Path home,
    Path pluginsDir,
    boolean pluginsDirConfigured,
    Optional<Path> sharedDir,
    Optional<Path> modelDir) {

  /** The default model's folder name under {@code <shared>/data/models}. */
  public static final String DEFAULT_MODEL = "mobilenet_v2_1.0_224";

  /** Derives the layout from configuration. */
  public static DataLayout from(MnemosyneConfig config) {
    Path home =
        Path.of(config.get(ConfigKey.HOME, System.getProperty("user.home") + "/.mnemosyne"));
    Optional<String> plugins = config.get(ConfigKey.PLUGINS_DIR);
    Optional<Path> shared =
        config.get(ConfigKey.SHARED_DIR).map(Path::of).or(SharedDirectoryLocator::locate);
    Optional<Path> model =
        config
            .get(ConfigKey.MODEL_DIR)
            .map(Path::of)
            .or(() -> shared.map(s -> s.resolve("data/models").resolve(DEFAULT_MODEL)));
    return new DataLayout(
        home.toAbsolutePath().normalize(),
        plugins.map(Path::of).orElse(home.resolve("plugins")).toAbsolutePath().normalize(),
        plugins.isPresent(),
        shared.map(p -> p.toAbsolutePath().normalize()),
        model.map(p -> p.toAbsolutePath().normalize()));
  }

  /** The embedded PostgreSQL data directory. */
  public Path postgresDir() {
    return home.resolve("pg");
  }

  /** Saved indexes. */
  public Path indexDir() {
    return home.resolve("index");
  }

  /** Derived files. */
  public Path cacheDir() {
    return home.resolve("cache");
  }

  /** Uploaded query images. */
  public Path uploadsDir() {
    return home.resolve("uploads");
  }

  /** The private directory of one plugin. */
  public Path pluginDataDir(String kind, String name) {
    return home.resolve("plugin-data").resolve(kind).resolve(name);
  }

  /** The shared sample-data folder ({@code <shared>/data}), if the shared folder was found. */
  public Optional<Path> sampleDataDir() {
    return sharedDir.map(s -> s.resolve("data"));
  }

  /**
   * Creates home and its standard subdirectories (and the plugins directory if it is the default
   * one; a configured plugins directory must already exist).
   *
   * @throws UncheckedIOException naming the directory if it cannot be created
   */
  public DataLayout ensureCreated() {
    for (Path dir : new Path[] {home, indexDir(), cacheDir(), uploadsDir()}) {
      createDirectories(dir);
    }
    if (!pluginsDirConfigured) {
      createDirectories(pluginsDir);
    }
    return this;
  }

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create directory "
              + dir
              + " ("
              + e
              + "); check its permissions or set "
              + ConfigKey.HOME.key(),
          e);
    }
  }
}
