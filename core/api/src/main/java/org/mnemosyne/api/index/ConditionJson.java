package org.mnemosyne.api.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mnemosyne.api.index.Condition.All;
import org.mnemosyne.api.index.Condition.And;
import org.mnemosyne.api.index.Condition.Not;
import org.mnemosyne.api.index.Condition.Or;
import org.mnemosyne.api.index.Condition.Range;
import org.mnemosyne.api.index.Condition.Term;
import org.mnemosyne.api.index.JsonReader.JsonArray;
import org.mnemosyne.api.index.JsonReader.JsonBoolean;
import org.mnemosyne.api.index.JsonReader.JsonNull;
import org.mnemosyne.api.index.JsonReader.JsonNumber;
import org.mnemosyne.api.index.JsonReader.JsonObject;
import org.mnemosyne.api.index.JsonReader.JsonString;
import org.mnemosyne.api.index.JsonReader.Member;
import org.mnemosyne.api.index.JsonReader.Value;

/** The JSON form of conditions (see {@link Condition#toJson}); stateless. */
final class ConditionJson {
  static final int MAX_LENGTH = 100_000;

  /** Each condition level costs at most two JSON levels (an object and an array or object). */
  private static final int MAX_JSON_DEPTH = 2 * ConditionParser.MAX_DEPTH + 4;

  private static final String KEYS = "all, term, range, and, or, not";

  private ConditionJson() {}

  // ---------------------------------------------------------------- writing

  static String toJson(Condition c) {
    StringBuilder sb = new StringBuilder();
    write(sb, c);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Condition c) {
    if (c instanceof All) {
      sb.append("{\"all\":true}");
    } else if (c instanceof Term t) {
      sb.append("{\"term\":{\"field\":");
      string(sb, t.field());
      sb.append(",\"value\":");
      string(sb, t.value());
      sb.append("}}");
    } else if (c instanceof Range r) {
      sb.append("{\"range\":{\"field\":");
      string(sb, r.field());
      sb.append(",\"from\":").append(number(r.from()));
      sb.append(",\"to\":").append(number(r.to()));
      sb.append("}}");
    } else if (c instanceof Not n) {
      sb.append("{\"not\":");
      write(sb, n.child());
      sb.append('}');
    } else if (c instanceof And a) {
      group(sb, "and", a.children());
    } else if (c instanceof Or o) {
      group(sb, "or", o.children());
    } else {
      throw new AssertionError(c);
    }
  }

  private static void group(StringBuilder sb, String key, List<Condition> children) {
    sb.append("{\"").append(key).append("\":[");
    for (int i = 0; i < children.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      write(sb, children.get(i));
    }
    sb.append("]}");
  }

  private static String number(Double d) {
    return d == null ? "null" : ConditionText.formatNumber(d);
  }

  /**
   * Appends a JSON string literal. Escapes quotes, backslashes and control characters (short forms
   * where JSON has them), DEL, U+2028 and U+2029 (line separators in JavaScript) and unpaired
   * surrogates (which no UTF encoding can carry); everything else is written as is.
   */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          boolean pairedHigh =
              Character.isHighSurrogate(c)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1));
          boolean pairedLow =
              Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
          if (c < 0x20
              || c == 0x7f
              || c == '\u2028'
              || c == '\u2029'
              || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  // ---------------------------------------------------------------- reading

  static Condition fromJson(String json, FacetSchema schema) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(schema, "schema");
    Value root = JsonReader.read(json, MAX_LENGTH, MAX_JSON_DEPTH);
    return condition(root, schema, 0);
  }

  private static Condition condition(Value v, FacetSchema schema, int depth) {
    if (!(v instanceof JsonObject o)) {
      throw error(v, "expected a condition object but found " + v.kind());
    }
    if (o.members().size() != 1) {
      throw error(
          o,
          "a condition object must have exactly one key ("
              + KEYS
              + ") but has "
              + o.members().size());
    }
    Map.Entry<String, Member> only = o.members().entrySet().iterator().next();
    String key = only.getKey();
    Value body = only.getValue().value();
    switch (key) {
      case "all":
        if (!(body instanceof JsonBoolean b && b.value())) {
          throw error(body, "\"all\" must be true but is " + body.kind());
        }
        return Condition.ALL;
      case "term":
        return term(body, schema);
      case "range":
        return range(body, schema);
      case "and":
      case "or":
        {
          if (!(body instanceof JsonArray array)) {
            throw error(body, "\"" + key + "\" must be an array but is " + body.kind());
          }
          checkDepth(o, depth);
          List<Condition> children = new ArrayList<>(array.items().size());
          for (Value item : array.items()) {
            children.add(condition(item, schema, depth + 1));
          }
          return key.equals("and") ? new And(children) : new Or(children);
        }
      case "not":
        checkDepth(o, depth);
        return new Not(condition(body, schema, depth + 1));
      default:
        throw new ConditionSyntaxException(
            only.getValue().keyPosition(),
            "unknown condition key \"" + key + "\"; expected one of " + KEYS);
    }
  }

  private static void checkDepth(Value at, int depth) {
    if (depth >= ConditionParser.MAX_DEPTH) {
      throw error(
          at,
          "condition is nested too deeply: more than "
              + ConditionParser.MAX_DEPTH
              + " levels of and, or and not");
    }
  }

  private static Condition term(Value body, FacetSchema schema) {
    JsonObject o = members(body, "term", Set.of("field", "value"), Set.of("field", "value"));
    JsonString fieldValue = stringMember(o, "field");
    FacetField field = field(fieldValue, schema);
    JsonString value = stringMember(o, "value");
    if (field.type() == FacetType.NUMERIC) {
      double d = exactNumber(value, field);
      return new Range(field.name(), d, d);
    }
    if (value.value().isBlank()) {
      throw error(value, "empty value for facet '" + field.name() + "'");
    }
    return new Term(field.name(), value.value());
  }

  private static Condition range(Value body, FacetSchema schema) {
    JsonObject o = members(body, "range", Set.of("field", "from", "to"), Set.of("field"));
    JsonString fieldValue = stringMember(o, "field");
    FacetField field = field(fieldValue, schema);
    if (field.type() != FacetType.NUMERIC) {
      throw error(
          fieldValue,
          "facet '"
              + field.name()
              + "' is categorical; ranges apply to numeric facets only (use a term)");
    }
    Double from = bound(o, "from");
    Double to = bound(o, "to");
    if (from != null && to != null && from > to) {
      throw error(
          o,
          "empty range: "
              + ConditionText.formatNumber(from)
              + " is greater than "
              + ConditionText.formatNumber(to));
    }
    return new Range(field.name(), from, to);
  }

  private static JsonObject members(
      Value body, String what, Set<String> allowed, Set<String> required) {
    if (!(body instanceof JsonObject o)) {
      throw error(body, "\"" + what + "\" must be an object but is " + body.kind());
    }
    for (Map.Entry<String, Member> e : o.members().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new ConditionSyntaxException(
            e.getValue().keyPosition(),
            "unknown key \"" + e.getKey() + "\" in \"" + what + "\"; expected " + names(allowed));
      }
    }
    for (String r : sorted(required)) {
      if (!o.members().containsKey(r)) {
        throw error(o, "\"" + what + "\" needs \"" + r + "\"");
      }
    }
    return o;
  }

  private static JsonString stringMember(JsonObject o, String key) {
    Value v = o.members().get(key).value();
    if (!(v instanceof JsonString s)) {
      throw error(v, "\"" + key + "\" must be a string but is " + v.kind());
    }
    return s;
  }

  private static FacetField field(JsonString name, FacetSchema schema) {
    return schema
        .field(name.value())
        .orElseThrow(() -> error(name, ConditionNormalizer.unknownFacet(name.value(), schema)));
  }

  private static double exactNumber(JsonString value, FacetField field) {
    String s = value.value();
    boolean number = ConditionText.NUMBER.matcher(s).matches();
    double d = number ? Double.parseDouble(s) : Double.NaN;
    if (!number || Double.isInfinite(d)) {
      throw error(
          value,
          "expected a number for numeric facet '"
              + field.name()
              + "' but found \""
              + (s.length() > 30 ? s.substring(0, 30) + "..." : s)
              + "\" (or use a range)");
    }
    return d;
  }

  private static Double bound(JsonObject o, String key) {
    Member m = o.members().get(key);
    if (m == null || m.value() instanceof JsonNull) {
      return null;
    }
    if (!(m.value() instanceof JsonNumber n)) {
      throw error(m.value(), "\"" + key + "\" must be a number or null but is " + m.value().kind());
    }
    return n.value();
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  private static String names(Set<String> keys) {
    return String.join(", ", sorted(keys));
  }

  private static ConditionSyntaxException error(Value at, String reason) {
    return new ConditionSyntaxException(at.position(), reason);
  }
}
