package org.mnemosyne.api.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small, strict JSON reader (RFC 8259) that keeps the offset of every value, so that callers can
 * report semantic errors where they occur. It accepts exactly one value surrounded by optional
 * whitespace; rejects duplicate object keys, unescaped control characters, leading zeros, trailing
 * commas, comments, non-finite numbers and anything after the value; and enforces a size and a
 * nesting limit so that untrusted input cannot exhaust memory or the stack. Every failure is a
 * {@link ConditionSyntaxException} whose position is the offset into the JSON text.
 *
 * <p>One instance reads one document; not thread-safe. The result is immutable.
 */
final class JsonReader {

  /** A JSON value with the offset of its first character. */
  sealed interface Value {
    /** Offset of the value's first character in the JSON text. */
    int position();

    /** A short name of the value's kind for error messages ("an object", "a string"...). */
    String kind();
  }

  /**
   * An object; members in document order.
   *
   * @param members by key, each with the offset of its key
   */
  record JsonObject(int position, Map<String, Member> members) implements Value {
    JsonObject {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    @Override
    public String kind() {
      return "an object";
    }
  }

  /**
   * A member of an object.
   *
   * @param keyPosition offset of the key's opening quote
   * @param value the value
   */
  record Member(int keyPosition, Value value) {}

  /** An array. */
  record JsonArray(int position, List<Value> items) implements Value {
    JsonArray {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "an array";
    }
  }

  /** A string, unescaped. */
  record JsonString(int position, String value) implements Value {
    @Override
    public String kind() {
      return "a string";
    }
  }

  /** A finite number. */
  record JsonNumber(int position, double value) implements Value {
    @Override
    public String kind() {
      return "a number";
    }
  }

  /** {@code true} or {@code false}. */
  record JsonBoolean(int position, boolean value) implements Value {
    @Override
    public String kind() {
      return value ? "true" : "false";
    }
  }

  /** {@code null}. */
  record JsonNull(int position) implements Value {
    @Override
    public String kind() {
      return "null";
    }
  }

  private final String text;
  private final int maxDepth;
  private int pos;
  private int depth;

  private JsonReader(String text, int maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  /**
   * Reads one JSON document.
   *
   * @param text the JSON text
   * @param maxLength the most chars accepted
   * @param maxDepth the most nested arrays and objects accepted
   * @throws ConditionSyntaxException if the text is not one well-formed JSON value within limits
   */
  static Value read(String text, int maxLength, int maxDepth) {
    Objects.requireNonNull(text, "json");
    if (text.length() > maxLength) {
      throw new ConditionSyntaxException(
          maxLength, "JSON is too long: " + text.length() + " characters, at most " + maxLength);
    }
    JsonReader r = new JsonReader(text, maxDepth);
    r.skipWhitespace();
    Value v = r.value();
    r.skipWhitespace();
    if (r.pos < text.length()) {
      throw r.error(r.pos, "expected end of input but found " + r.describeHere());
    }
    return v;
  }

  private Value value() {
    if (pos >= text.length()) {
      throw error(pos, "expected a JSON value but found end of input");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        {
          int start = pos;
          return new JsonString(start, string());
        }
      case 't':
        return literal("true", new JsonBoolean(pos, true));
      case 'f':
        return literal("false", new JsonBoolean(pos, false));
      case 'n':
        return literal("null", new JsonNull(pos));
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error(pos, "expected a JSON value but found " + describeHere());
    }
  }

  private JsonObject object() {
    int start = pos;
    enter(start);
    pos++; // {
    Map<String, Member> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peekChar() == '}') {
      pos++;
      depth--;
      return new JsonObject(start, members);
    }
    while (true) {
      skipWhitespace();
      if (peekChar() != '"') {
        throw error(pos, "expected '\"' to start a key but found " + describeHere());
      }
      int keyPos = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Value v = value();
      if (members.putIfAbsent(key, new Member(keyPos, v)) != null) {
        throw error(keyPos, "duplicate key \"" + key + "\"");
      }
      skipWhitespace();
      char c = peekChar();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        depth--;
        return new JsonObject(start, members);
      } else {
        throw error(pos, "expected ',' or '}' but found " + describeHere());
      }
    }
  }

  private JsonArray array() {
    int start = pos;
    enter(start);
    pos++; // [
    List<Value> items = new ArrayList<>();
    skipWhitespace();
    if (peekChar() == ']') {
      pos++;
      depth--;
      return new JsonArray(start, items);
    }
    while (true) {
      skipWhitespace();
      items.add(value());
      skipWhitespace();
      char c = peekChar();
      if (c == ',') {
        pos++;
      } else if (c == ']') {
        pos++;
        depth--;
        return new JsonArray(start, items);
      } else {
        throw error(pos, "expected ',' or ']' but found " + describeHere());
      }
    }
  }

  /** Reads a string starting at the opening quote at {@code pos}; returns it unescaped. */
  private String string() {
    int start = pos;
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(
            pos,
            "expected '\"' to close the string opened at " + start + " but found end of input");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) {
        throw error(pos, String.format("control character U+%04X must be escaped", (int) c));
      }
      if (c != '\\') {
        sb.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= text.length()) {
        throw error(pos + 1, "expected an escape character but found end of input");
      }
      char e = text.charAt(pos + 1);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int at = pos + 2 + i;
            int digit = at < text.length() ? Character.digit(text.charAt(at), 16) : -1;
            if (digit < 0 || text.charAt(at) > 'f') {
              throw error(pos, "invalid escape: \\u must be followed by four hex digits");
            }
            code = code * 16 + digit;
          }
          sb.append((char) code);
          pos += 4;
        }
        default -> throw error(pos, "invalid escape '\\" + e + "'");
      }
      pos += 2;
    }
  }

  private JsonNumber number() {
    int start = pos;
    if (peekChar() == '-') {
      pos++;
    }
    if (peekChar() == '0') {
      pos++;
    } else if (isDigit(peekChar())) {
      digits();
    } else {
      throw error(pos, "expected a digit but found " + describeHere());
    }
    if (peekChar() == '.') {
      pos++;
      if (!isDigit(peekChar())) {
        throw error(pos, "expected a digit after '.' but found " + describeHere());
      }
      digits();
    }
    if (peekChar() == 'e' || peekChar() == 'E') {
      pos++;
      if (peekChar() == '+' || peekChar() == '-') {
        pos++;
      }
      if (!isDigit(peekChar())) {
        throw error(pos, "expected a digit in the exponent but found " + describeHere());
      }
      digits();
    }
    if (isDigit(peekChar())) {
      throw error(start, "leading zeros are not allowed in numbers");
    }
    double d = Double.parseDouble(text.substring(start, pos));
    if (Double.isInfinite(d)) {
      throw error(start, "number out of range: " + text.substring(start, pos));
    }
    return new JsonNumber(start, d);
  }

  private void digits() {
    while (isDigit(peekChar())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Value literal(String word, Value v) {
    if (!text.startsWith(word, pos)) {
      throw error(pos, "expected a JSON value but found " + describeHere());
    }
    pos += word.length();
    return v;
  }

  private void enter(int at) {
    if (++depth > maxDepth) {
      throw error(at, "JSON is nested too deeply: more than " + maxDepth + " levels");
    }
  }

  private void expect(char c) {
    if (peekChar() != c) {
      throw error(pos, "expected '" + c + "' but found " + describeHere());
    }
    pos++;
  }

  /** The char at {@code pos}, or {@code 0xFFFF} at the end (never valid where it is checked). */
  private char peekChar() {
    return pos < text.length() ? text.charAt(pos) : '\uFFFF';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describeHere() {
    if (pos >= text.length()) {
      return "end of input";
    }
    int cp = text.codePointAt(pos);
    if (Character.isISOControl(cp)
        || !Character.isDefined(cp)
        || Character.getType(cp) == Character.FORMAT
        || Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)) {
      return String.format("U+%04X", cp);
    }
    return "'" + new String(Character.toChars(cp)) + "'";
  }

  private ConditionSyntaxException error(int position, String reason) {
    return new ConditionSyntaxException(position, reason);
  }
}
