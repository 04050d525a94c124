package org.mnemosyne.runtime.plugin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.importer.ImporterProvider;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.api.plugin.PluginProvider;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;

/** The {@link PluginRegistry} built by {@link PluginRegistry#load}; see there for the policy. */
final class ServiceLoaderPluginRegistry implements PluginRegistry {
  private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final Map<PluginKind, Class<? extends PluginProvider>> TYPES = types();

  private final List<ProviderEntry> entries;
  private final List<PluginProblem> problems;
  private final MnemosyneConfig config;
  private final DataLayout layout;

  private ServiceLoaderPluginRegistry(
      List<ProviderEntry> entries,
      List<PluginProblem> problems,
      MnemosyneConfig config,
      DataLayout layout) {
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
    this.config = config;
    this.layout = layout;
  }

  static PluginRegistry load(ClassLoader appLoader, MnemosyneConfig config, DataLayout layout) {
    Map<String, ProviderEntry> byKey = new LinkedHashMap<>();
    List<PluginProblem> problems = new ArrayList<>();
    for (ProviderEntry e : discover(appLoader, null, PluginOrigin.CLASS_PATH, problems)) {
      ProviderEntry old = byKey.putIfAbsent(key(e), e);
      if (old != null) {
        throw new DuplicateProviderException(
            "two built-in "
                + e.kind()
                + " providers are named '"
                + e.name()
                + "': "
                + old.provider().getClass().getName()
                + " and "
                + e.provider().getClass().getName());
      }
    }
    for (Path jar : pluginJars(layout, problems)) {
      for (ProviderEntry e : loadJar(jar, problems)) {
        ProviderEntry old = byKey.putIfAbsent(key(e), e);
        if (old != null) {
          problems.add(
              new PluginProblem(
                  jar.getFileName().toString(),
                  "duplicate "
                      + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                      + " name '"
                      + e.name()
                      + "': already provided by "
                      + old.origin()
                      + "; rename the provider or remove one of the jars"));
        }
      }
    }
    for (PluginProblem p : problems) {
      LOG.log(Level.WARNING, "plugin skipped: {0}", p);
    }
    return new ServiceLoaderPluginRegistry(
        new ArrayList<>(byKey.values()), problems, config, layout);
  }

  @Override
  public List<ProviderEntry> entries() {
    return entries;
  }

  @Override
  public <P extends PluginProvider> List<P> providers(Class<P> type) {
    return entries.stream()
        .map(ProviderEntry::provider)
        .filter(type::isInstance)
        .map(type::cast)
        .collect(Collectors.toList());
  }

  @Override
  public List<ProviderEntry> entries(PluginKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).collect(Collectors.toList());
  }

  @Override
  public <P extends PluginProvider> Optional<P> provider(Class<P> type, String name) {
    return providers(type).stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Override
  public <P extends PluginProvider> P require(Class<P> type, String name) {
    return provider(type, name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no "
                        + type.getSimpleName()
                        + " named '"
                        + name
                        + "'; known: "
                        + providers(type).stream()
                            .map(PluginProvider::name)
                            .collect(Collectors.joining(", "))));
  }

  @Override
  public ProviderEntry entryOf(PluginProvider provider) {
    return entries.stream()
        .filter(e -> e.provider() == provider)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("provider not from this registry"));
  }

  @Override
  public List<PluginProblem> problems() {
    return problems;
  }

  @Override
  public PluginContext contextFor(ProviderEntry entry) {
    return new RegistryPluginContext(config, layout, entry);
  }

  @Override
  public PluginContext contextFor(PluginProvider provider) {
    return contextFor(entryOf(provider));
  }

  @Override
  public DataLayout layout() {
    return layout;
  }

  private static String key(ProviderEntry e) {
    return e.kind() + "/" + e.name();
  }

  private static List<Path> pluginJars(DataLayout layout, List<PluginProblem> problems) {
    Path dir = layout.pluginsDir();
    if (!Files.exists(dir)) {
      if (layout.pluginsDirConfigured()) {
        problems.add(
            new PluginProblem(
                dir.toString(),
                "plugins directory does not exist; create it or correct mnemosyne.plugins.dir"));
      }
      return List.of();
    }
    if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
      problems.add(
          new PluginProblem(
              dir.toString(),
              "plugins directory is not a readable directory; fix its permissions or correct"
                  + " mnemosyne.plugins.dir"));
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .collect(Collectors.toList());
    } catch (IOException e) {
      problems.add(new PluginProblem(dir.toString(), "cannot list plugins directory: " + e));
      return List.of();
    }
  }

  private static List<ProviderEntry> loadJar(Path jar, List<PluginProblem> problems) {
    String jarName = jar.getFileName().toString();
    if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
      problems.add(new PluginProblem(jarName, "not a readable file; fix its permissions"));
      return List.of();
    }
    try (JarFile ignored = new JarFile(jar.toFile())) {
      // Opened only to check that it is a jar before a class loader sees it.
    } catch (IOException | SecurityException e) {
      problems.add(
          new PluginProblem(
              jarName, "not a valid jar file (" + e.getMessage() + "); remove or rebuild it"));
      return List.of();
    }
    URL url;
    try {
      url = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      problems.add(new PluginProblem(jarName, "unusable path: " + e.getMessage()));
      return List.of();
    }
    URLClassLoader loader =
        new URLClassLoader("plugin:" + jarName, new URL[] {url}, PluginApi.class.getClassLoader());
    List<ProviderEntry> found = discover(loader, loader, PluginOrigin.jar(jar), problems);
    if (found.isEmpty() && problems.stream().noneMatch(p -> p.source().startsWith(jarName))) {
      problems.add(
          new PluginProblem(
              jarName,
              "contains no provider: add META-INF/services entries for the provider interfaces"));
    }
    return found;
  }

  /**
   * Instantiates the providers visible to {@code loader}; with {@code onlyFrom} set, only classes
   * defined by that loader (ServiceLoader also walks the parent, which holds the built-ins).
   */
  private static List<ProviderEntry> discover(
      ClassLoader loader, ClassLoader onlyFrom, PluginOrigin origin, List<PluginProblem> problems) {
    List<ProviderEntry> out = new ArrayList<>();
    String where = origin.jar().map(j -> j.getFileName().toString()).orElse("class path");
    for (var kindAndType : TYPES.entrySet()) {
      Iterator<? extends ServiceLoader.Provider<? extends PluginProvider>> it =
          ServiceLoader.load(kindAndType.getValue(), loader).stream().iterator();
      while (true) {
        ServiceLoader.Provider<? extends PluginProvider> candidate;
        try {
          if (!it.hasNext()) {
            break;
          }
          candidate = it.next();
        } catch (ServiceConfigurationError | LinkageError e) {
          problems.add(new PluginProblem(where, "cannot load provider: " + rootMessage(e)));
          break; // the iterator cannot go on after a broken service file
        }
        if (onlyFrom != null && candidate.type().getClassLoader() != onlyFrom) {
          continue;
        }
        String source = where + " " + candidate.type().getName();
        try {
          PluginProvider p = candidate.get();
          check(p, kindAndType.getKey())
              .ifPresentOrElse(
                  reason -> problems.add(new PluginProblem(source, reason)),
                  () -> out.add(entry(p, origin)));
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
          problems.add(new PluginProblem(source, "provider failed to start: " + rootMessage(e)));
        }
      }
    }
    return out;
  }

  private static Optional<String> check(PluginProvider p, PluginKind expected) {
    if (p.apiVersion() != PluginApi.VERSION) {
      return Optional.of(
          "built against plugin API "
              + p.apiVersion()
              + " but this Mnemosyne has API "
              + PluginApi.VERSION
              + "; rebuild the plugin against mnemosyne-api "
              + PluginApi.VERSION);
    }
    if (p.kind() != expected) {
      return Optional.of("declares kind " + p.kind() + " but is registered as " + expected);
    }
    String name = p.name();
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.of(
          "invalid name '" + name + "': use lower-case letters, digits, '.' and '-'");
    }
    if (p.version() == null || p.version().isBlank()) {
      return Optional.of("no version");
    }
    return Optional.empty();
  }

  private static ProviderEntry entry(PluginProvider p, PluginOrigin origin) {
    return new ProviderEntry(
        p,
        p.kind(),
        p.name(),
        p.version(),
        Optional.ofNullable(p.description()).orElse(""),
        Optional.ofNullable(p.capabilities()).orElse(java.util.Set.of()),
        origin);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static Map<PluginKind, Class<? extends PluginProvider>> types() {
    Map<PluginKind, Class<? extends PluginProvider>> m = new EnumMap<>(PluginKind.class);
    m.put(PluginKind.MODEL, EmbeddingModelProvider.class);
    m.put(PluginKind.EXPLAINER, ExplainerProvider.class);
    m.put(PluginKind.INDEX, IndexProvider.class);
    m.put(PluginKind.IMPORTER, ImporterProvider.class);
    return Collections.unmodifiableMap(m);
  }
}
