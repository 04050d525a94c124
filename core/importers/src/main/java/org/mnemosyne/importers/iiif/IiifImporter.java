package org.mnemosyne.importers.iiif;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.RecordSink;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.importers.json.JsonException;
import org.mnemosyne.importers.json.JsonParser;

/**
 * Reads IIIF Presentation 2 and 3 manifests and collections, from a URL or a local file. A
 * collection's members (manifests and nested collections, referenced or embedded) are followed
 * breadth-first, in document order.
 *
 * <p>Bounds, all options of the {@link ImportSource}: {@code max-depth} (nested collections,
 * default 5), {@code max-manifests} (default 10,000), {@code max-bytes} per document (default 16
 * MiB), {@code timeout-seconds} per request (default 30). A visited set (ids without fragment)
 * stops cycles and repeats. From a URL only {@code http(s)} documents are followed; from a local
 * file, local documents only below its folder. Option {@code canvases}: {@code first} (default: one
 * record per manifest, its first image) or {@code all} (one record per canvas).
 *
 * <p>The starting document must be readable (else {@link IOException}); a member that cannot be
 * fetched or read is rejected with its URI and the import goes on. Thread-safe: all state is local
 * to {@link #read}.
 */
public final class IiifImporter implements Importer {
  /** Default limit of one document. */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  private static final int MAX_JSON_DEPTH = 64;

  private record Pending(URI uri, Optional<IiifNode> embedded, int depth) {}

  @Override
  public void read(
      ImportSource source,
      RecordSink sink,
      ProgressListener progress,
      CancellationToken cancellation)
      throws IOException {
    int maxDepth = intOption(source, "max-depth", 5);
    int maxManifests = intOption(source, "max-manifests", 10_000);
    long maxBytes =
        Long.parseLong(
            source.options().getOrDefault("max-bytes", String.valueOf(DEFAULT_MAX_BYTES)));
    Duration timeout = Duration.ofSeconds(intOption(source, "timeout-seconds", 30));
    boolean allCanvases = "all".equals(source.options().getOrDefault("canvases", "first"));
    URI start = source.location();
    Path localRoot = null;
    if ("file".equalsIgnoreCase(start.getScheme())) {
      localRoot = Path.of(start).toAbsolutePath().normalize().getParent();
    }
    IiifDocuments documents = new IiifDocuments(timeout, maxBytes, localRoot);

    Set<String> visited = new HashSet<>();
    Deque<Pending> queue = new ArrayDeque<>();
    queue.add(new Pending(start, Optional.empty(), 0));
    visited.add(key(start.toString()));
    int manifests = 0;
    long done = 0;
    boolean first = true;
    while (!queue.isEmpty()) {
      cancellation.throwIfCancelled();
      Pending p = queue.poll();
      String where = abbreviate(p.uri().toString());
      IiifNode node;
      try {
        node = p.embedded().isPresent() ? p.embedded().get() : load(documents, p.uri());
      } catch (IOException | JsonException e) {
        if (first) {
          throw new IOException("IIIF source " + start + ": " + e.getMessage(), e);
        }
        sink.reject(where, e.getMessage());
        continue;
      } finally {
        first = false;
      }
      String type = node.type();
      if (type.equals("Collection")) {
        if (p.depth() >= maxDepth) {
          sink.reject(
              where, "collection nested deeper than max-depth " + maxDepth + "; not followed");
          continue;
        }
        for (IiifNode member : members(node)) {
          Optional<String> id = member.id();
          if (id.isEmpty()) {
            sink.reject(where, "a member without an id is skipped");
            continue;
          }
          URI uri;
          try {
            uri = p.uri().resolve(id.get());
          } catch (IllegalArgumentException e) {
            sink.reject(where, "member id '" + abbreviate(id.get()) + "' is not a URI");
            continue;
          }
          if (!visited.add(key(uri.toString()))) {
            continue; // a cycle or a repeat
          }
          boolean full =
              member.type().equals("Manifest") && hasCanvases(member)
                  || member.type().equals("Collection") && !members(member).isEmpty();
          queue.add(new Pending(uri, full ? Optional.of(member) : Optional.empty(), p.depth() + 1));
        }
      } else if (type.equals("Manifest")) {
        if (++manifests > maxManifests) {
          sink.reject(
              where,
              "more than max-manifests " + maxManifests + " manifests; the rest is not read");
          return;
        }
        ManifestReader.Result result = ManifestReader.read(node, p.uri().toString(), allCanvases);
        for (ImportRecord r : result.records()) {
          sink.accept(where, r);
        }
        for (String problem : result.problems()) {
          sink.reject(where, problem);
        }
      } else {
        if (p.depth() == 0) {
          throw new IOException(
              "IIIF source "
                  + start
                  + " is neither a manifest nor a collection (type '"
                  + type
                  + "')");
        }
        sink.reject(where, "neither a manifest nor a collection (type '" + type + "')");
      }
      done++;
      progress.progress(done, done + queue.size(), where);
    }
  }

  private static IiifNode load(IiifDocuments documents, URI uri) throws IOException {
    Object json = JsonParser.parse(documents.fetch(uri), MAX_JSON_DEPTH);
    return IiifNode.of(json).orElseThrow(() -> new IOException(uri + " is not a JSON object"));
  }

  /**
   * Members of a collection: v3 {@code items}; v2 {@code collections}, {@code manifests}, {@code
   * members}.
   */
  private static java.util.List<IiifNode> members(IiifNode collection) {
    if (collection.isVersion3()) {
      return collection.nodes("items");
    }
    java.util.List<IiifNode> out = new java.util.ArrayList<>();
    out.addAll(collection.nodes("collections"));
    out.addAll(collection.nodes("manifests"));
    out.addAll(collection.nodes("members"));
    return out;
  }

  private static boolean hasCanvases(IiifNode manifest) {
    return manifest.isVersion3()
        ? !manifest.nodes("items").isEmpty()
        : !manifest.nodes("sequences").isEmpty();
  }

  private static String key(String uri) {
    int hash = uri.indexOf('#');
    return hash >= 0 ? uri.substring(0, hash) : uri;
  }

  private static String abbreviate(String uri) {
    return uri.length() <= 300 ? uri : uri.substring(0, 300) + "...";
  }

  private static int intOption(ImportSource source, String key, int defaultValue) {
    String v = source.options().get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + key + " must be a positive number, not " + v);
    }
  }

  /** Whether a source names a IIIF document: an http(s) URL or a local {@code .json} file. */
  static boolean isIiifLocation(ImportSource source) {
    URI u = source.location();
    String scheme = u.getScheme() == null ? "file" : u.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) {
      return true;
    }
    if (!scheme.equals("file")) {
      return false;
    }
    try {
      Path p = u.getScheme() == null ? Path.of(u.getPath()) : Path.of(u);
      return Files.isRegularFile(p) && p.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
