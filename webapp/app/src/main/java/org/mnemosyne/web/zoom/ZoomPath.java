package org.mnemosyne.web.zoom;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deep-zoom request path, strictly parsed: {@code /item/<id>.dzi}, {@code
 * /item/<id>_files/<level>/<column>_<row>.jpg}, and the same under {@code /upload/<sha-256>}. Every
 * part is digits (or, for an upload, 64 lower-case hex digits) of bounded length, so nothing a
 * request says becomes a file name beyond those numbers.
 *
 * @param upload whether the image is an upload (else an item)
 * @param key the item id or the upload hash
 * @param level tile level, or -1 for the descriptor
 * @param column tile column, or -1 for the descriptor
 * @param row tile row, or -1 for the descriptor
 */
public record ZoomPath(boolean upload, String key, int level, int column, int row) {
  private static final Pattern PATH =
      Pattern.compile(
          "/(?:item/([0-9]{1,18})|upload/([0-9a-f]{64}))"
              + "(?:\\.dzi|_files/([0-9]{1,2})/([0-9]{1,6})_([0-9]{1,6})\\.jpg)");

  /** The path of a request ({@code getPathInfo()}), or empty if it is not a deep-zoom path. */
  public static Optional<ZoomPath> parse(String pathInfo) {
    Matcher m = PATH.matcher(pathInfo == null ? "" : pathInfo);
    if (!m.matches()) {
      return Optional.empty();
    }
    boolean upload = m.group(2) != null;
    String key = upload ? m.group(2) : m.group(1);
    if (m.group(3) == null) {
      return Optional.of(new ZoomPath(upload, key, -1, -1, -1));
    }
    return Optional.of(
        new ZoomPath(
            upload,
            key,
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5))));
  }

  /** Whether this names the descriptor (else a tile). */
  public boolean descriptor() {
    return level < 0;
  }

  /** What distinguishes this file among the image's derived files (for its ETag). */
  public String variant() {
    return descriptor() ? "dzi" : "z" + level + "-" + column + "-" + row;
  }
}
