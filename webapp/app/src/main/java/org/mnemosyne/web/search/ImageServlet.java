package org.mnemosyne.web.search;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.runtime.image.ImageDecodingException;

/**
 * Serves image derivatives: {@code /img/item/<id>/<thumb|display>} for active items and {@code
 * /img/upload/<hash>/<thumb|display>} for uploaded query images. Only derivative files are served,
 * named by content hash, so no request can reach another file; withdrawn items answer 404. Each
 * answer carries an {@code ETag} (the content hash and size) and may be cached for a week; a
 * matching {@code If-None-Match} answers 304 (see {@link ImageResponses}).
 */
@WebServlet(urlPatterns = "/img/*")
public class ImageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ImageServlet.class.getName());

  @Inject transient ImageService images;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String[] parts = path.split("/", -1);
    if (parts.length != 4 || !parts[0].isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try {
      ImageService.Size size = ImageService.Size.valueOf(parts[3].toUpperCase(Locale.ROOT));
      ImageSource source =
          switch (parts[1]) {
            case "item" -> images.item(Long.parseLong(parts[2]));
            case "upload" -> images.upload(parts[2]);
            default -> throw new NotFoundException("no such kind of image");
          };
      String etag = ImageResponses.etag(source, size.path());
      if (ImageResponses.notModified(req, resp, etag)) {
        return;
      }
      ImageResponses.send(resp, images.derivative(source, size), "image/jpeg", etag);
    } catch (ImageDecodingException e) {
      LOG.log(Level.WARNING, "cannot make a derivative for " + path + ": " + e.getMessage());
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (NotFoundException | IllegalArgumentException e) {
      // IllegalArgumentException covers a bad number, size name or upload id
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
