package org.mnemosyne.web.search;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.runtime.image.ImageDecodingException;
import org.mnemosyne.web.platform.Database;

/**
 * Serves image derivatives: {@code /img/item/<id>/<thumb|display>} for active items and {@code
 * /img/upload/<hash>/<thumb|display>} for uploaded query images. Only derivative files are served,
 * named by content hash, so no request can reach another file; withdrawn items answer 404. Each
 * answer carries an {@code ETag} (the content hash and size) and may be cached for a week; a
 * matching {@code If-None-Match} answers 304.
 */
@WebServlet(urlPatterns = "/img/*")
public class ImageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ImageServlet.class.getName());

  @Inject transient Database database;
  @Inject transient ImageService images;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String[] parts = path.split("/", -1);
    if (parts.length != 4 || !parts[0].isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ImageService.Size size;
    try {
      size = ImageService.Size.valueOf(parts[3].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try {
      String etag;
      Path file;
      if (parts[1].equals("item")) {
        ItemRecord item =
            database
                .items()
                .find(Long.parseLong(parts[2]))
                .filter(ItemRecord::active)
                .orElseThrow(() -> new NotFoundException("no such item"));
        etag = "\"" + item.contentHash() + "-" + size.path() + "\"";
        if (notModified(req, resp, etag)) {
          return;
        }
        file = images.derivative(item, size);
      } else if (parts[1].equals("upload")) {
        String id = UploadStore.checkId(parts[2]);
        etag = "\"" + id + "-" + size.path() + "\"";
        if (notModified(req, resp, etag)) {
          return;
        }
        file = images.uploadDerivative(id, size);
      } else {
        resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      resp.setContentType("image/jpeg");
      resp.setHeader("ETag", etag);
      resp.setHeader("Cache-Control", "public, max-age=604800");
      resp.setHeader("X-Content-Type-Options", "nosniff");
      resp.setContentLengthLong(Files.size(file));
      Files.copy(file, resp.getOutputStream());
    } catch (NumberFormatException | NotFoundException e) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (ImageDecodingException e) {
      LOG.log(Level.WARNING, "cannot make a derivative for " + path + ": " + e.getMessage());
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (IllegalArgumentException e) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private static boolean notModified(
      HttpServletRequest req, HttpServletResponse resp, String etag) {
    String match = req.getHeader("If-None-Match");
    if (match != null && (match.equals(etag) || match.equals("*"))) {
      resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      resp.setHeader("ETag", etag);
      return true;
    }
    return false;
  }
}
