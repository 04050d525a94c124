package org.mnemosyne.db.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.mnemosyne.api.importer.ImageReference;

/**
 * Reads the bytes of an item's image, bounded: a local file (at most {@code maxBytes}), an {@code
 * http(s)} URL, or a IIIF Image API service, from which a derivative of at most 512 × 512 pixels is
 * requested ({@code {service}/full/!512,512/0/default.jpg}, falling back to the full image for
 * level-0 services). Network reads have a connect and a whole-request timeout and stop at {@code
 * maxBytes}. Thread-safe.
 */
public final class ImageFetcher {
  /** Default limit of one image: 32 MiB. */
  public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

  private final HttpClient http;
  private final Duration timeout;
  private final long maxBytes;

  /**
   * A fetcher.
   *
   * @param timeout connect and whole-request timeout of network reads
   * @param maxBytes largest image accepted, in bytes
   */
  public ImageFetcher(Duration timeout, long maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * The image's bytes.
   *
   * @throws ImageUnavailableException naming the location and the reason
   */
  public byte[] fetch(ImageReference image) throws ImageUnavailableException {
    return switch (image.kind()) {
      case FILE -> readFile(Path.of(image.location()));
      case URL -> get(URI.create(image.location()));
      case IIIF -> iiif(image.location());
    };
  }

  private byte[] readFile(Path file) throws ImageUnavailableException {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new ImageUnavailableException(
            "image-too-large",
            "image file " + file + " has " + size + " bytes, more than the limit of " + maxBytes);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImageUnavailableException("missing-image", "image file " + file + " not found");
    } catch (IOException e) {
      throw new ImageUnavailableException(
          "missing-image", "image file " + file + " cannot be read: " + e.getMessage());
    }
  }

  private byte[] iiif(String service) throws ImageUnavailableException {
    String base = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
    ImageUnavailableException first = null;
    for (String path :
        List.of(
            "/full/!512,512/0/default.jpg",
            "/full/full/0/default.jpg",
            "/full/max/0/default.jpg")) {
      try {
        return get(URI.create(base + path));
      } catch (ImageUnavailableException e) {
        if (first == null) {
          first = e;
        }
        if (!e.getMessage().contains("HTTP 4") && !e.getMessage().contains("HTTP 501")) {
          break; // the server is unreachable or failing; other sizes will not help
        }
      }
    }
    throw first;
  }

  private byte[] get(URI uri) throws ImageUnavailableException {
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ImageUnavailableException("image-fetch-failed", uri + " is not an http(s) URL");
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "image/*").GET().build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new ImageUnavailableException(
              "image-fetch-failed", uri + " answered HTTP " + response.statusCode());
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
          throw tooLarge(uri);
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw tooLarge(uri);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new ImageUnavailableException(
          "image-fetch-failed", uri + " cannot be fetched: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageUnavailableException("image-fetch-failed", uri + ": interrupted");
    }
  }

  private ImageUnavailableException tooLarge(URI uri) {
    return new ImageUnavailableException(
        "image-too-large", uri + " is larger than the limit of " + maxBytes + " bytes");
  }
}
