package org.mnemosyne.db.jdbc;

import java.util.Map;

/**
 * Writes a flat JSON object (string keys; string, number, boolean or null values) for a {@code
 * jsonb} parameter. Every string is escaped per RFC 8259, so untrusted text stays data. Stateless.
 */
public final class FlatJson {
  private FlatJson() {}

  /** The JSON text of {@code values}, in the map's order. */
  public static String write(Map<String, ?> values) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (var e : values.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':');
      Object v = e.getValue();
      if (v == null) {
        sb.append("null");
      } else if (v instanceof Number n && isFinite(n)) {
        sb.append(n);
      } else if (v instanceof Boolean b) {
        sb.append(b);
      } else {
        string(sb, v.toString());
      }
    }
    return sb.append('}').toString();
  }

  private static boolean isFinite(Number n) {
    return !(n instanceof Double d && !Double.isFinite(d))
        && !(n instanceof Float f && !Float.isFinite(f));
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
