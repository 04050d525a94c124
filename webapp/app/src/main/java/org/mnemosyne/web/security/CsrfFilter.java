package org.mnemosyne.web.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.mnemosyne.web.rest.ApiError;

/**
 * Refuses state-changing API calls of signed-in users ({@code POST}, {@code PUT}, {@code DELETE}
 * under {@code /api/admin} and {@code /api/conditions}) without the session's {@link CsrfToken}.
 */
@Provider
public class CsrfFilter implements ContainerRequestFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Inject CsrfToken token;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean guarded =
        path.startsWith("admin")
            || path.startsWith("conditions")
            || path.startsWith("/admin")
            || path.startsWith("/conditions");
    if (!guarded || SAFE.contains(request.getMethod())) {
      return;
    }
    if (!token.matches(request.getHeaderString(CsrfToken.HEADER))) {
      request.abortWith(
          Response.status(403)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  new ApiError(
                      403,
                      "missing or wrong "
                          + CsrfToken.HEADER
                          + " header: send the token of your"
                          + " session (shown on the admin page)",
                      null))
              .build());
    }
  }
}
