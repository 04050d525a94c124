package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.web.platform.ModelService;

/**
 * {@code POST /api/embeddings} with an image as the body: the image's embedding under the portal's
 * model. Bodies over {@value #MAX_BYTES} bytes are refused with 413.
 */
@ApplicationScoped
@Path("embeddings")
public class EmbeddingResource {
  /** Largest accepted image, in bytes. */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  @Inject ModelService models;

  /**
   * An embedding.
   *
   * @param model model id
   * @param modelVersion weights version
   * @param dimension vector length
   * @param vector the L2-normalised vector
   */
  public record EmbeddingResponse(
      String model, String modelVersion, int dimension, float[] vector) {}

  /** Embeds the posted image. */
  @POST
  @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public EmbeddingResponse embed(InputStream body) throws IOException {
    Embedding e = models.embed(readBounded(body));
    return new EmbeddingResponse(e.modelId(), e.modelVersion(), e.dimension(), e.vector());
  }

  static byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      if (out.size() + n > MAX_BYTES) {
        // read on (a bounded amount) so that the client sees this answer, not a reset connection
        long skipped = out.size() + n;
        while (skipped < 4L * MAX_BYTES && (n = in.read(buf)) > 0) {
          skipped += n;
        }
        throw new WebApplicationException(
            "the image is larger than " + (MAX_BYTES >> 20) + " MB; send a smaller file",
            Response.Status.REQUEST_ENTITY_TOO_LARGE);
      }
      out.write(buf, 0, n);
    }
    if (out.size() == 0) {
      throw new IllegalArgumentException("empty request body: post the image bytes");
    }
    return out.toByteArray();
  }
}
