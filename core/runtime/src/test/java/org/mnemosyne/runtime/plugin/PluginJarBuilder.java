package org.mnemosyne.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles provider sources against the test class path and packs them, with service files, into a
 * plugin jar — so the plugin classes are visible only through the jar, as in production.
 */
final class PluginJarBuilder {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();

  /** Adds a Java source for a class in package {@code fixture}. */
  PluginJarBuilder source(String simpleName, String code) {
    sources.put(simpleName, "package fixture;\n" + code);
    return this;
  }

  /** Registers a provider class under a service interface. */
  PluginJarBuilder service(Class<?> api, String simpleName) {
    services.computeIfAbsent(api.getName(), k -> new ArrayList<>()).add("fixture." + simpleName);
    return this;
  }

  /** An explainer provider source with the given name and API version. */
  static String explainerProvider(String className, String name, String apiVersion, String ctor) {
    return "import java.util.Set; import org.mnemosyne.api.explain.*;"
        + " import org.mnemosyne.api.plugin.*;\n"
        + "public class "
        + className
        + " implements ExplainerProvider {\n"
        + "  public "
        + className
        + "() { "
        + ctor
        + " }\n"
        + "  public String name() { return \""
        + name
        + "\"; }\n"
        + "  public String version() { return \"1.0\"; }\n"
        + "  public String description() { return \"fixture\"; }\n"
        + "  public int apiVersion() { return "
        + apiVersion
        + "; }\n"
        + "  public Set<Order> orders() { return Set.of(Order.FIRST); }\n"
        + "  public boolean requiresGreyBox() { return false; }\n"
        + "  public Explainer create(PluginContext c) { return r -> { throw new"
        + " UnsupportedOperationException(\"fixture\"); }; }\n"
        + "}\n";
  }

  /** Compiles and writes the jar. */
  Path build(Path jar) throws IOException {
    Path work = Files.createTempDirectory("pluginsrc");
    Path src = work.resolve("src/fixture");
    Path classes = work.resolve("classes");
    Files.createDirectories(src);
    Files.createDirectories(classes);
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-proc:none"));
    for (var e : sources.entrySet()) {
      Path f = src.resolve(e.getKey() + ".java");
      Files.writeString(f, e.getValue());
      args.add(f.toString());
    }
    if (!sources.isEmpty()) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int rc = javac.run(null, null, System.err, args.toArray(String[]::new));
      assertTrue(rc == 0, "fixture compilation failed");
    }
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out)) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          jos.write(Files.readAllBytes(f));
          jos.closeEntry();
        }
      }
      for (var e : services.entrySet()) {
        jos.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
        jos.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        jos.closeEntry();
      }
    }
    return jar;
  }
}
