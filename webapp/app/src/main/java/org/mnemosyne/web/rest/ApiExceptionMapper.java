package org.mnemosyne.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.api.index.ConditionSyntaxException;
import org.mnemosyne.web.admin.AdminPermissionException;
import org.mnemosyne.web.explain.TooBusyException;
import org.mnemosyne.web.search.NotFoundException;

/**
 * Turns exceptions into JSON {@link ApiError}s: bad input is a 400 with its reason, anything else a
 * 500 with a generic message (details go to the log, never to the client).
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    int status;
    String message;
    Integer position = null;
    if (e instanceof WebApplicationException w) {
      status = w.getResponse().getStatus();
      message = w.getMessage();
    } else if (e instanceof TooBusyException) {
      status = 429;
      message = e.getMessage();
    } else if (e instanceof AdminPermissionException) {
      status = 403;
      message = e.getMessage();
    } else if (e instanceof NotFoundException) {
      status = 404;
      message = e.getMessage();
    } else if (e instanceof ConditionSyntaxException c) {
      status = 400;
      message = "malformed condition: " + c.getMessage();
      position = c.position();
    } else if (e instanceof IllegalArgumentException) {
      status = 400;
      message = e.getMessage();
    } else if (e instanceof IllegalStateException) {
      status = 503;
      message = e.getMessage();
    } else {
      status = 500;
      message = "internal error; see the server log";
      LOG.log(Level.SEVERE, "API request failed", e);
    }
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status, message, position))
        .build();
  }
}
