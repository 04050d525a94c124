package org.mnemosyne.api.index;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.mnemosyne.api.index.Condition.All;
import org.mnemosyne.api.index.Condition.And;
import org.mnemosyne.api.index.Condition.Not;
import org.mnemosyne.api.index.Condition.Or;
import org.mnemosyne.api.index.Condition.Range;
import org.mnemosyne.api.index.Condition.Term;

/**
 * The lexical rules of the query text shared by the printer ({@link Condition#toQueryString}) and
 * {@link ConditionParser}, and the printer itself. Stateless.
 */
final class ConditionText {
  /** A number as written in conditions: optional minus, decimal digits, optional exponent. */
  static final Pattern NUMBER =
      Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private ConditionText() {}

  /** Whether a code point may appear in a bare (unquoted) word. */
  static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.' || cp == '\'') {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Whether a word is one of the reserved keywords (any case). */
  static boolean isReserved(String word) {
    return word.equalsIgnoreCase("AND")
        || word.equalsIgnoreCase("OR")
        || word.equalsIgnoreCase("NOT")
        || word.equalsIgnoreCase("TO");
  }

  /** Whether a value must be double-quoted to be read back as the same value. */
  static boolean needsQuotes(String value) {
    if (value.isEmpty() || isReserved(value)) {
      return true;
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (!isWordChar(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** Appends a value, quoted and escaped when needed. */
  static void appendValue(StringBuilder sb, String value) {
    if (!needsQuotes(value)) {
      sb.append(value);
      return;
    }
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  /**
   * A finite number in plain decimal notation: integers without a fraction ({@code 1650}, not
   * {@code 1650.0}), others in the shortest form that reads back to the same double, never in
   * exponent notation.
   */
  static String formatNumber(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  static String toQueryString(Condition c) {
    StringBuilder sb = new StringBuilder();
    append(sb, c);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Condition c) {
    if (c instanceof All) {
      sb.append('*');
    } else if (c instanceof Term t) {
      sb.append(t.field()).append(':');
      appendValue(sb, t.value());
    } else if (c instanceof Range r) {
      sb.append(r.field()).append(':');
      if (r.from() != null && r.from().equals(r.to())) {
        sb.append(formatNumber(r.from()));
      } else {
        sb.append('[')
            .append(r.from() == null ? "*" : formatNumber(r.from()))
            .append(" TO ")
            .append(r.to() == null ? "*" : formatNumber(r.to()))
            .append(']');
      }
    } else if (c instanceof Not n) {
      sb.append("NOT ");
      appendOperand(sb, n.child());
    } else if (c instanceof And a) {
      appendGroup(sb, a.children(), " AND ", "*");
    } else if (c instanceof Or o) {
      appendGroup(sb, o.children(), " OR ", "NOT *");
    } else {
      throw new AssertionError(c);
    }
  }

  private static void appendGroup(
      StringBuilder sb, List<Condition> children, String operator, String whenEmpty) {
    if (children.isEmpty()) {
      sb.append(whenEmpty);
    } else if (children.size() == 1) {
      append(sb, children.get(0));
    } else {
      for (int i = 0; i < children.size(); i++) {
        if (i > 0) {
          sb.append(operator);
        }
        appendOperand(sb, children.get(i));
      }
    }
  }

  /** Appends an operand of NOT, AND or OR: a group of two or more children is parenthesised. */
  private static void appendOperand(StringBuilder sb, Condition c) {
    Condition effective = c;
    while (singleChild(effective) != null) {
      effective = singleChild(effective);
    }
    boolean group =
        (effective instanceof And a && a.children().size() > 1)
            || (effective instanceof Or o && o.children().size() > 1);
    if (group) {
      sb.append('(');
      append(sb, effective);
      sb.append(')');
    } else {
      append(sb, effective);
    }
  }

  private static Condition singleChild(Condition c) {
    if (c instanceof And a && a.children().size() == 1) {
      return a.children().get(0);
    }
    if (c instanceof Or o && o.children().size() == 1) {
      return o.children().get(0);
    }
    return null;
  }
}
