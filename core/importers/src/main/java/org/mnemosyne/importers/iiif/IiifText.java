package org.mnemosyne.importers.iiif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mnemosyne.importers.json.JsonParser;

/**
 * Reads the text forms of IIIF: Presentation 3 language maps ({@code {"en": ["a", "b"]}}),
 * Presentation 2 strings, language objects ({@code {"@value": "a", "@language": "en"}}) and arrays
 * of them. English is preferred, then values without a language ({@code none}), then the first
 * language. IIIF allows a little HTML in metadata values: tags are removed and the common entities
 * of plain text decoded, so what is left is text. Stateless.
 */
final class IiifText {
  private static final Pattern TAG = Pattern.compile("<[^<>]*>");

  private IiifText() {}

  /** The values of a label or value, in the preferred language, as plain text. */
  static List<String> values(Object node) {
    List<String> out = new ArrayList<>();
    if (node == null || node == JsonParser.NULL) {
      return out;
    }
    if (node instanceof String s) {
      add(out, s);
    } else if (node instanceof List<?> list) {
      List<Object> english = new ArrayList<>();
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && isEnglish(m.get("@language"))) {
          english.add(o);
        }
      }
      for (Object o : english.isEmpty() ? list : english) {
        out.addAll(values(o));
      }
    } else if (node instanceof Map<?, ?> m) {
      if (m.containsKey("@value")) {
        out.addAll(values(m.get("@value")));
      } else {
        Object chosen = null;
        for (String lang : List.of("en", "en-GB", "en-US", "none")) {
          if (m.containsKey(lang)) {
            chosen = m.get(lang);
            break;
          }
        }
        if (chosen == null && !m.isEmpty()) {
          chosen = m.values().iterator().next();
        }
        out.addAll(values(chosen));
      }
    }
    return out;
  }

  /** The values joined with {@code "; "}, or null if there are none. */
  static String text(Object node) {
    List<String> v = values(node);
    return v.isEmpty() ? null : String.join("; ", v);
  }

  private static boolean isEnglish(Object language) {
    return language instanceof String s && s.toLowerCase(java.util.Locale.ROOT).startsWith("en");
  }

  private static void add(List<String> out, String html) {
    String text =
        TAG.matcher(html)
            .replaceAll(" ")
            .replace("&nbsp;", " ")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .replaceAll("[ \\t]+", " ")
            .strip();
    if (!text.isEmpty()) {
      out.add(text);
    }
  }
}
