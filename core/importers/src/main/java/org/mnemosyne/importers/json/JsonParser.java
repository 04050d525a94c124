package org.mnemosyne.importers.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for documents fetched from elsewhere: objects become
 * {@code Map<String, Object>} (in document order), arrays {@code List<Object>}, strings {@code
 * String}, numbers {@code Double}, booleans {@code Boolean}, and {@code null} the constant {@link
 * #NULL}. The nesting depth is limited so that a hostile document cannot exhaust the stack; the
 * caller limits the text's size before reading it. Stateless; one call per document.
 */
public final class JsonParser {
  /** The JSON {@code null}. */
  public static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "null";
        }
      };

  private final String text;
  private final int maxDepth;
  private int pos;

  private JsonParser(String text, int maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  /**
   * Reads one JSON value.
   *
   * @param maxDepth deepest nesting of arrays and objects accepted
   * @throws JsonException with the offset and the reason if the text is not valid JSON
   */
  public static Object parse(String text, int maxDepth) {
    JsonParser p = new JsonParser(text, maxDepth);
    p.skipSpace();
    Object v = p.value(0);
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("text after the JSON value");
    }
    return v;
  }

  private Object value(int depth) {
    if (pos >= text.length()) {
      throw error("unexpected end of the document");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    pos++;
    Map<String, Object> m = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(m);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      Object v = value(depth);
      if (m.putIfAbsent(key, v) != null) {
        throw error("duplicate member '" + key + "'");
      }
      skipSpace();
      char c = next();
      if (c == '}') {
        return Collections.unmodifiableMap(m);
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++;
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      skipSpace();
      list.add(value(depth));
      skipSpace();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(list);
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private Double number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (Character.isDigit(peek())) {
      while (Character.isDigit(peek())) {
        pos++;
      }
    } else {
      throw error("bad number");
    }
    if (peek() == '.') {
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
    return Double.valueOf(text.substring(start, pos));
  }

  private void digits() {
    if (!Character.isDigit(peek())) {
      throw error("bad number");
    }
    while (Character.isDigit(peek())) {
      pos++;
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected text");
    }
    pos += word.length();
    return value;
  }

  private void checkDepth(int depth) {
    if (depth > maxDepth) {
      throw error("nested deeper than " + maxDepth);
    }
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end of the document");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error("expected '" + c + "'");
    }
  }

  private JsonException error(String reason) {
    return new JsonException("invalid JSON at offset " + pos + ": " + reason);
  }
}
