package org.mnemosyne.db.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes untrusted source text safe to store and show as plain text: Unicode NFC; line breaks as
 * {@code \n}; control characters (NUL included, which PostgreSQL refuses) removed except line
 * breaks and tabs; HTML/XML markup removed — {@code script} and {@code style} elements with their
 * content, comments, and every other tag — so that no page can ever receive markup from a CSV or a
 * manifest even if it forgot to escape. The change is reported, never silent. Stateless.
 */
final class PlainText {
  private static final Pattern SCRIPT =
      Pattern.compile("(?is)<\\s*(script|style)\\b[^>]*>.*?<\\s*/\\s*\\1\\s*>");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^<>]*>");
  private static final Pattern OPEN_TAG = Pattern.compile("(?i)<\\s*/?\\s*[a-z!]");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

  private PlainText() {}

  /**
   * Cleaned text.
   *
   * @param text the clean text, stripped; null if nothing is left
   * @param markupRemoved whether markup was removed
   * @param controlRemoved whether control characters were removed
   */
  record Cleaned(String text, boolean markupRemoved, boolean controlRemoved) {}

  /** Cleans {@code raw} (null stays null). */
  static Cleaned clean(String raw) {
    if (raw == null) {
      return new Cleaned(null, false, false);
    }
    String s =
        Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
    String noControl = CONTROL.matcher(s).replaceAll("");
    boolean control = noControl.length() != s.length();
    s = noControl;
    boolean markup = false;
    if (s.indexOf('<') >= 0 && OPEN_TAG.matcher(s).find()) {
      String stripped = SCRIPT.matcher(s).replaceAll("");
      stripped = COMMENT.matcher(stripped).replaceAll("");
      stripped = TAG.matcher(stripped).replaceAll("");
      markup = !stripped.equals(s);
      s = stripped;
    }
    s = s.strip();
    return new Cleaned(s.isEmpty() ? null : s, markup, control);
  }
}
