package org.mnemosyne.web.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;
import org.mnemosyne.web.admin.AdminPermissionException;
import org.mnemosyne.web.search.NotFoundException;

/** What every page bean does with URL parameters and messages. */
final class Pages {
  private Pages() {}

  /** Whether a parameter is absent or blank. */
  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * A whole-number parameter.
   *
   * @throws IllegalArgumentException naming the parameter, for anything else
   */
  static long wholeNumber(String name, String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not “" + s + "”");
    }
  }

  /**
   * A whole-number parameter that fits an {@code int}.
   *
   * @throws IllegalArgumentException naming the parameter, for anything else
   */
  static int wholeInt(String name, String s) {
    long v = wholeNumber(name, s);
    if (v != (int) v) {
      throw new IllegalArgumentException(name + " is out of range: " + s);
    }
    return (int) v;
  }

  /**
   * A link to show for an untrusted URL from a source's metadata: the URL if it is an absolute
   * {@code http(s)} URL with a host, else null (no {@code javascript:} or relative links).
   */
  static String webLink(String url) {
    if (blank(url)) {
      return null;
    }
    try {
      URI u = URI.create(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
          ? u.toString()
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** An error message for the page. */
  static void error(String message) {
    message(FacesMessage.SEVERITY_ERROR, message);
  }

  /** An information message for the page. */
  static void info(String message) {
    message(FacesMessage.SEVERITY_INFO, message);
  }

  private static void message(FacesMessage.Severity severity, String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, message, null));
  }

  /** Runs an admin action and shows its result, or why it was refused, as a page message. */
  static void attempt(Supplier<String> action) {
    try {
      info(action.get());
    } catch (IllegalArgumentException
        | IllegalStateException
        | AdminPermissionException
        | NotFoundException e) {
      error(e.getMessage());
    }
  }
}
