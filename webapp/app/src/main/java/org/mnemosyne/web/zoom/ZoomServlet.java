package org.mnemosyne.web.zoom;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.runtime.image.ImageDecodingException;
import org.mnemosyne.web.search.ImageResponses;
import org.mnemosyne.web.search.ImageService;
import org.mnemosyne.web.search.ImageSource;
import org.mnemosyne.web.search.NotFoundException;

/**
 * Serves deep-zoom pyramids: {@code /zoom/item/<id>.dzi} (the DZI descriptor, XML) and {@code
 * /zoom/item/<id>_files/<level>/<column>_<row>.jpg} (a tile) for active items, and the same under
 * {@code /zoom/upload/<sha-256>} for uploads — the layout OpenSeadragon derives tile URLs from.
 * Paths are parsed strictly ({@link ZoomPath}); anything else, a withdrawn or unknown item, an
 * unknown upload or a tile outside the pyramid answers 404. Files come only from the derivative
 * directory and carry the same {@code ETag} and caching headers as the other derivatives.
 */
@WebServlet(urlPatterns = "/zoom/*")
public class ZoomServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ZoomServlet.class.getName());

  @Inject transient ImageService images;
  @Inject transient DeepZoomService zoom;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<ZoomPath> parsed = ZoomPath.parse(req.getPathInfo());
    if (parsed.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ZoomPath p = parsed.get();
    try {
      ImageSource source =
          p.upload() ? images.upload(p.key()) : images.item(Long.parseLong(p.key()));
      String etag = ImageResponses.etag(source, p.variant());
      if (ImageResponses.notModified(req, resp, etag)) {
        return;
      }
      if (p.descriptor()) {
        ImageResponses.send(resp, zoom.descriptor(source), "application/xml", etag);
        return;
      }
      Optional<Path> tile = zoom.tile(source, p.level(), p.column(), p.row());
      if (tile.isEmpty()) {
        resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      ImageResponses.send(resp, tile.get(), "image/jpeg", etag);
    } catch (ImageDecodingException e) {
      LOG.log(
          Level.WARNING, "cannot build a pyramid for " + req.getPathInfo() + ": " + e.getMessage());
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (NotFoundException | IllegalArgumentException e) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
