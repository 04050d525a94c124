package org.mnemosyne.web.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the portal answers for a file it derived from an image: a strong {@code ETag} built from the
 * image's content hash (so it changes exactly when the image does), {@code 304} for a matching
 * {@code If-None-Match}, and a week of public caching. Shared by the derivative and deep-zoom
 * servlets.
 */
public final class ImageResponses {
  /** Cache lifetime of derived files: a week. */
  public static final String CACHE_CONTROL = "public, max-age=604800";

  private ImageResponses() {}

  /**
   * The ETag of a derived file.
   *
   * @param source the image
   * @param variant what was derived from it ({@code thumb}, {@code dzi}, {@code 3-0-1}…)
   */
  public static String etag(ImageSource source, String variant) {
    return "\"" + source.hash() + "-" + variant + "\"";
  }

  /**
   * Answers 304 if the request already has this version.
   *
   * @return whether it did (nothing more to send)
   */
  public static boolean notModified(HttpServletRequest req, HttpServletResponse resp, String etag) {
    String match = req.getHeader("If-None-Match");
    if (match != null && (match.equals(etag) || match.equals("*"))) {
      resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      resp.setHeader("ETag", etag);
      resp.setHeader("Cache-Control", CACHE_CONTROL);
      return true;
    }
    return false;
  }

  /** Sends a derived file with its type, ETag and caching headers. */
  public static void send(HttpServletResponse resp, Path file, String contentType, String etag)
      throws IOException {
    resp.setContentType(contentType);
    resp.setHeader("ETag", etag);
    resp.setHeader("Cache-Control", CACHE_CONTROL);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLengthLong(Files.size(file));
    Files.copy(file, resp.getOutputStream());
  }
}
