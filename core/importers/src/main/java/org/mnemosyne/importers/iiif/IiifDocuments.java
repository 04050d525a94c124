package org.mnemosyne.importers.iiif;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches IIIF JSON documents, bounded: {@code http(s)} with a connect and a request timeout, or a
 * local file below the folder of the file the import started from; at most {@code maxBytes} each.
 * Thread-safe.
 */
final class IiifDocuments {
  private final HttpClient http;
  private final Duration timeout;
  private final long maxBytes;
  private final Path localRoot;

  /**
   * @param localRoot the folder local documents must be in, or null if the import started from a
   *     URL (then no local file is ever read)
   */
  IiifDocuments(Duration timeout, long maxBytes, Path localRoot) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.localRoot = localRoot;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * The text of a document.
   *
   * @throws IOException naming the document and the reason (unreachable, HTTP status, too large,
   *     outside the allowed folder)
   */
  String fetch(URI uri) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return readFile(uri);
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IOException(uri + ": only http(s) and local files can be read");
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/ld+json, application/json")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw new IOException(uri + " is larger than the limit of " + maxBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(uri + ": interrupted", e);
    } catch (IOException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(uri.toString())
          ? e
          : new IOException(uri + " cannot be fetched: " + e, e);
    }
  }

  private String readFile(URI uri) throws IOException {
    Path file = Path.of(uri).toAbsolutePath().normalize();
    if (localRoot == null || !file.startsWith(localRoot)) {
      throw new IOException(uri + ": a local file outside the folder of the source is not read");
    }
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new IOException(uri + " has " + size + " bytes, more than the limit of " + maxBytes);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
