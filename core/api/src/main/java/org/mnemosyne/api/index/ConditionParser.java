package org.mnemosyne.api.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mnemosyne.api.index.Condition.And;
import org.mnemosyne.api.index.Condition.Not;
import org.mnemosyne.api.index.Condition.Or;
import org.mnemosyne.api.index.Condition.Range;
import org.mnemosyne.api.index.Condition.Term;

/**
 * A recursive-descent parser for the query text described at {@link Condition#parse}. One instance
 * reads one text; not thread-safe (use the static {@link #parse}).
 *
 * <pre>
 * query   := (empty) | or
 * or      := and ("OR" and)*
 * and     := unary ("AND" unary)*
 * unary   := "NOT" unary | primary
 * primary := "(" or ")" | "*" | FIELD ":" value
 * value   := WORD | QUOTED | "[" bound "TO" bound "]"
 * bound   := "*" | NUMBER
 * </pre>
 */
final class ConditionParser {
  static final int MAX_LENGTH = 10_000;
  static final int MAX_DEPTH = 64;

  private static final int SNIPPET = 30;

  private enum Kind {
    WORD,
    QUOTED,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COLON,
    STAR,
    EOF
  }

  /**
   * A token.
   *
   * @param text the word, or the unescaped content of a quoted value
   * @param start offset of its first char
   * @param end offset after its last char
   * @param colonFollows for a word: whether ':' follows immediately (it names a facet)
   */
  private record Token(Kind kind, String text, int start, int end, boolean colonFollows) {}

  private final String text;
  private final FacetSchema schema;
  private int pos;
  private Token peeked;
  private int depth;

  private ConditionParser(String text, FacetSchema schema) {
    this.text = text;
    this.schema = schema;
  }

  static Condition parse(String text, FacetSchema schema) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(schema, "schema");
    if (text.length() > MAX_LENGTH) {
      throw new ConditionSyntaxException(
          MAX_LENGTH,
          "condition is too long: " + text.length() + " characters, at most " + MAX_LENGTH);
    }
    ConditionParser p = new ConditionParser(text, schema);
    if (p.peek().kind == Kind.EOF) {
      return Condition.ALL;
    }
    Condition c = p.parseOr();
    Token end = p.next();
    if (end.kind != Kind.EOF) {
      throw p.afterCondition(end, "end of input");
    }
    return c;
  }

  // ---------------------------------------------------------------- grammar

  private Condition parseOr() {
    List<Condition> items = new ArrayList<>();
    items.add(parseAnd());
    while (isKeyword(peek(), "OR")) {
      next();
      items.add(parseAnd());
    }
    return items.size() == 1 ? items.get(0) : new Or(items);
  }

  private Condition parseAnd() {
    List<Condition> items = new ArrayList<>();
    items.add(parseUnary());
    while (isKeyword(peek(), "AND")) {
      next();
      items.add(parseUnary());
    }
    return items.size() == 1 ? items.get(0) : new And(items);
  }

  private Condition parseUnary() {
    Token t = peek();
    if (isKeyword(t, "NOT")) {
      next();
      enter(t);
      Condition c = new Not(parseUnary());
      depth--;
      return c;
    }
    return parsePrimary();
  }

  private Condition parsePrimary() {
    Token t = next();
    switch (t.kind) {
      case LPAREN:
        {
          enter(t);
          Condition c = parseOr();
          Token close = next();
          if (close.kind != Kind.RPAREN) {
            if (close.kind == Kind.EOF) {
              throw error(close.start, "expected ')' but found end of input");
            }
            throw afterCondition(close, "')'");
          }
          depth--;
          return c;
        }
      case STAR:
        return Condition.ALL;
      case WORD:
        if (t.colonFollows) {
          return parseClause(t);
        }
        if (isReserved(t)) {
          throw error(t.start, "expected a condition but found keyword " + describe(t));
        }
        throw error(
            t.start,
            "expected facet:value but found "
                + describe(t)
                + " (search a facet, e.g. "
                + exampleFacet()
                + ":...)");
      case EOF:
        throw error(t.start, "expected a condition but found end of input");
      default:
        throw error(t.start, "expected a condition but found " + describe(t));
    }
  }

  /** Reads the rest of {@code field:value} after the field word. */
  private Condition parseClause(Token fieldToken) {
    next(); // the colon, guaranteed by colonFollows
    String name = fieldToken.text;
    FacetField field =
        schema
            .field(name)
            .orElseThrow(
                () -> error(fieldToken.start, ConditionNormalizer.unknownFacet(name, schema)));
    Token v = next();
    if (field.type() == FacetType.NUMERIC) {
      if (v.kind == Kind.LBRACKET) {
        return parseRange(field, v);
      }
      if (v.kind == Kind.QUOTED || (v.kind == Kind.WORD && !isReserved(v))) {
        Double exact = number(v);
        if (exact == null) {
          throw error(
              v.start,
              "expected a number for numeric facet '"
                  + name
                  + "' but found "
                  + describe(v)
                  + " (or a range like "
                  + name
                  + ":[1600 TO 1800])");
        }
        return new Range(name, exact, exact);
      }
      throw missingValue(field, v);
    }
    if (v.kind == Kind.LBRACKET) {
      throw error(
          v.start,
          "facet '"
              + name
              + "' is categorical; ranges apply to numeric facets only (use "
              + name
              + ":value)");
    }
    if (v.kind == Kind.QUOTED || (v.kind == Kind.WORD && !isReserved(v))) {
      if (v.text.isBlank()) {
        throw error(v.start, "empty value for facet '" + name + "'");
      }
      Token after = peek();
      if (v.kind == Kind.WORD && after.kind == Kind.STAR && after.start == v.end) {
        throw error(
            after.start, "wildcards are not supported; a value must match exactly (quote '*')");
      }
      return new Term(name, v.text);
    }
    throw missingValue(field, v);
  }

  private Condition parseRange(FacetField field, Token open) {
    Double from = bound();
    Token to = next();
    if (to.kind != Kind.WORD || to.colonFollows || !to.text.equalsIgnoreCase("TO")) {
      throw error(to.start, "expected TO but found " + describe(to));
    }
    Double upTo = bound();
    Token close = next();
    if (close.kind != Kind.RBRACKET) {
      throw error(close.start, "expected ']' but found " + describe(close));
    }
    if (from != null && upTo != null && from > upTo) {
      throw error(
          open.start,
          "empty range: "
              + ConditionText.formatNumber(from)
              + " is greater than "
              + ConditionText.formatNumber(upTo));
    }
    return new Range(field.name(), from, upTo);
  }

  private Double bound() {
    Token b = next();
    if (b.kind == Kind.STAR) {
      return null;
    }
    Double d = b.kind == Kind.WORD ? number(b) : null;
    if (d == null) {
      throw error(b.start, "expected a number or '*' but found " + describe(b));
    }
    return d;
  }

  /** The number a word or quoted value spells, or null if it is not one. */
  private Double number(Token t) {
    if (!ConditionText.NUMBER.matcher(t.text).matches()) {
      return null;
    }
    double d = Double.parseDouble(t.text);
    if (Double.isInfinite(d)) {
      throw error(t.start, "number out of range: " + describe(t));
    }
    return d;
  }

  private ConditionSyntaxException missingValue(FacetField field, Token v) {
    String found =
        v.kind == Kind.WORD
            ? "keyword " + describe(v) + " (quote it to search for that word)"
            : describe(v);
    return error(v.start, "expected a value after '" + field.name() + ":' but found " + found);
  }

  /** The error for a token that cannot follow a complete condition. */
  private ConditionSyntaxException afterCondition(Token t, String closer) {
    String expected = "expected AND, OR or " + closer + " but found " + describe(t);
    boolean startsCondition =
        t.kind == Kind.WORD
            || t.kind == Kind.QUOTED
            || t.kind == Kind.LPAREN
            || t.kind == Kind.STAR;
    if (startsCondition) {
      expected += "; conditions must be joined explicitly with AND or OR";
    }
    return error(t.start, expected);
  }

  private void enter(Token t) {
    if (++depth > MAX_DEPTH) {
      throw error(
          t.start,
          "condition is nested too deeply: more than "
              + MAX_DEPTH
              + " levels of parentheses and NOT");
    }
  }

  private String exampleFacet() {
    List<FacetField> fields = schema.fields();
    return fields.isEmpty() ? "facet" : fields.get(0).name();
  }

  private static boolean isKeyword(Token t, String keyword) {
    return t.kind == Kind.WORD && !t.colonFollows && t.text.equalsIgnoreCase(keyword);
  }

  private static boolean isReserved(Token t) {
    return isKeyword(t, "AND") || isKeyword(t, "OR") || isKeyword(t, "NOT");
  }

  private String describe(Token t) {
    if (t.kind == Kind.EOF) {
      return "end of input";
    }
    String raw = text.substring(t.start, t.end);
    if (raw.length() > SNIPPET) {
      raw = raw.substring(0, SNIPPET) + "...";
    }
    return "'" + raw + "'";
  }

  private ConditionSyntaxException error(int position, String reason) {
    return new ConditionSyntaxException(position, reason);
  }

  // ---------------------------------------------------------------- lexer

  private Token peek() {
    if (peeked == null) {
      peeked = lex();
    }
    return peeked;
  }

  private Token next() {
    Token t = peek();
    peeked = null;
    return t;
  }

  private Token lex() {
    while (pos < text.length()) {
      int cp = text.codePointAt(pos);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
        break;
      }
      pos += Character.charCount(cp);
    }
    int start = pos;
    if (pos >= text.length()) {
      return new Token(Kind.EOF, "", start, start, false);
    }
    int cp = text.codePointAt(pos);
    Kind single =
        switch (cp) {
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case '[' -> Kind.LBRACKET;
          case ']' -> Kind.RBRACKET;
          case ':' -> Kind.COLON;
          case '*' -> Kind.STAR;
          default -> null;
        };
    if (single != null) {
      pos++;
      return new Token(single, text.substring(start, pos), start, pos, false);
    }
    if (cp == '"') {
      return quoted(start);
    }
    if (ConditionText.isWordChar(cp)) {
      while (pos < text.length() && ConditionText.isWordChar(text.codePointAt(pos))) {
        pos += Character.charCount(text.codePointAt(pos));
      }
      boolean colon = pos < text.length() && text.charAt(pos) == ':';
      return new Token(Kind.WORD, text.substring(start, pos), start, pos, colon);
    }
    throw error(start, "unexpected character " + describeChar(cp));
  }

  private Token quoted(int start) {
    StringBuilder sb = new StringBuilder();
    pos++; // opening quote
    while (true) {
      if (pos >= text.length()) {
        throw error(
            pos, "expected '\"' to close the value opened at " + start + " but found end of input");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Kind.QUOTED, sb.toString(), start, pos, false);
      }
      if (c == '\\') {
        if (pos + 1 >= text.length()) {
          throw error(
              pos + 1,
              "expected '\"' to close the value opened at " + start + " but found end of input");
        }
        char e = text.charAt(pos + 1);
        if (e != '"' && e != '\\') {
          throw error(
              pos,
              "invalid escape '\\" + e + "' in a quoted value; only \\\" and \\\\ are allowed");
        }
        sb.append(e);
        pos += 2;
      } else {
        sb.append(c);
        pos++;
      }
    }
  }

  private static String describeChar(int cp) {
    if (Character.isISOControl(cp)
        || !Character.isDefined(cp)
        || Character.getType(cp) == Character.FORMAT
        || Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)) {
      return String.format("U+%04X", cp);
    }
    return "'" + new String(Character.toChars(cp)) + "'";
  }
}
