package org.mnemosyne.api.index;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A filter over the facets of items: which items a conditional search may return.
 *
 * <p>A condition is a tree of {@link Term terms} (a categorical facet has a value), {@link Range
 * ranges} (a numeric facet has a value in an inclusive interval), {@link And}, {@link Or}, {@link
 * Not} and {@link All} (no restriction). It has three equivalent forms:
 *
 * <ul>
 *   <li>this object tree, built with the factories {@link #term}, {@link #range}, {@link #and},
 *       {@link #or}, {@link #not} and the constant {@link #ALL};
 *   <li>a query text, read by {@link #parse} and written by {@link #toQueryString}, e.g. {@code
 *       culture:French AND (medium:oil OR medium:tempera) AND year:[1600 TO 1800] AND NOT
 *       collection:photos};
 *   <li>a JSON document, read by {@link #fromJson} and written by {@link #toJson}, e.g. {@code
 *       {"and":[{"term":{"field":"culture","value":"French"}},{"not":{"all":true}}]}}.
 * </ul>
 *
 * <p><b>Semantics</b> ({@link #test}): a term matches an item when any of the item's values of that
 * categorical facet equals the term's value (exact, case-sensitive); a range matches when any of
 * the item's numbers of that numeric facet lies within the inclusive bounds. A <em>missing</em>
 * facet never satisfies a term or a range, so {@code NOT culture:French} matches items with no
 * culture at all. {@code And}, {@code Or} and {@code Not} have their usual meaning ({@code And} of
 * no children matches everything, {@code Or} of no children matches nothing); {@link #ALL} matches
 * every item.
 *
 * <p><b>Schema.</b> Conditions built in code are not tied to a schema; {@link #parse} and {@link
 * #fromJson} check every facet against a {@link FacetSchema}, and {@link #validate} checks a
 * condition built in code. A term on a numeric facet is never produced by reading: {@code
 * year:1650} becomes the range {@code [1650, 1650]}.
 *
 * <p><b>Equality</b> is structural (the records' {@code equals}); {@link #normalize} maps
 * equivalent conditions that differ only in nesting, order, duplicates and trivial parts to one
 * canonical form.
 *
 * <p>All implementations are immutable records and safe to share between threads.
 */
public sealed interface Condition {

  /** The condition that matches every item; parsed from empty text or {@code *}. */
  All ALL = new All();

  /** The longest text {@link #parse} accepts, in {@code char}s. */
  int MAX_TEXT_LENGTH = ConditionParser.MAX_LENGTH;

  /** The longest JSON document {@link #fromJson} accepts, in {@code char}s. */
  int MAX_JSON_LENGTH = ConditionJson.MAX_LENGTH;

  /**
   * The deepest nesting {@link #parse} and {@link #fromJson} accept: parentheses and {@code NOT}s
   * in text, {@code and}/{@code or}/{@code not} objects in JSON.
   */
  int MAX_DEPTH = ConditionParser.MAX_DEPTH;

  /**
   * Whether the item satisfies this condition (see the class description for the semantics).
   *
   * @param item the item's facet values
   * @return true if the item matches
   * @throws NullPointerException if {@code item} is null
   */
  boolean test(ItemFacets item);

  /**
   * The canonical form of this condition: equivalent conditions that differ only in how their
   * {@code AND}s and {@code OR}s are nested, in child order, in duplicates or in trivial parts have
   * equal canonical forms, so an index may plan (and cache) by it. The rules, applied bottom-up:
   *
   * <ul>
   *   <li>nested {@code And}s (and nested {@code Or}s) are flattened into their parent;
   *   <li>duplicate children are removed and children are sorted by their {@link #toQueryString
   *       canonical text};
   *   <li>{@code NOT NOT x} becomes {@code x};
   *   <li>{@code And}: {@link #ALL} children are dropped, an {@code And} with no children left is
   *       {@code ALL}; a child that matches nothing ({@code NOT *}) makes the whole {@code And}
   *       {@code NOT *};
   *   <li>{@code Or}: a child {@code ALL} makes the whole {@code Or} {@code ALL}; children {@code
   *       NOT *} are dropped, an {@code Or} with no children left is {@code NOT *};
   *   <li>an {@code And} or {@code Or} with a single child is that child;
   *   <li>{@code NOT *} (matches nothing) stays a {@link Not} of {@link #ALL}.
   * </ul>
   *
   * <p>The result matches exactly the same items, and {@code c.normalize().normalize()} equals
   * {@code c.normalize()}. Terms and ranges are kept as they are (ranges are not merged).
   *
   * @return the canonical form; may be this object
   */
  default Condition normalize() {
    return ConditionNormalizer.normalize(this);
  }

  /**
   * The names of the facets this condition refers to.
   *
   * @return an unmodifiable set, iterating in ascending order; empty for {@link #ALL}
   */
  default Set<String> fields() {
    Set<String> out = new TreeSet<>();
    ConditionNormalizer.collectFields(this, out);
    return Collections.unmodifiableSet(out);
  }

  /**
   * Checks this condition against a schema, as {@link #parse} and {@link #fromJson} do: every facet
   * must exist, terms must name categorical facets and ranges numeric ones.
   *
   * @param schema the facets a collection exposes
   * @throws IllegalArgumentException naming the first facet that is unknown or used with the wrong
   *     type
   */
  default void validate(FacetSchema schema) {
    Objects.requireNonNull(schema, "schema");
    ConditionNormalizer.validate(this, schema);
  }

  /**
   * The canonical query text of this condition, which {@link #parse} reads back to an equal
   * condition (given a schema with the referenced facets of the right types). Keywords are upper
   * case, values are quoted only when needed, numbers are printed in plain decimal without a
   * trailing {@code .0}, open range ends are {@code *}, an exact-value range prints as {@code
   * year:1650}, every nested {@code AND}/{@code OR} group is parenthesised, and {@link #ALL} prints
   * as {@code *}.
   *
   * <p>The round trip is exact for every condition whose {@code And}s and {@code Or}s have at least
   * two children, in particular for every condition {@link #parse} or {@link #fromJson} returns and
   * every {@link #normalize normalized} one. A degenerate group prints as an equivalent text
   * instead: a single-child group as its child, an empty {@code And} as {@code *}, an empty {@code
   * Or} as {@code NOT *}. Conditions deeper than {@link #MAX_DEPTH} print but do not parse back.
   *
   * @return the query text
   */
  default String toQueryString() {
    return ConditionText.toQueryString(this);
  }

  /**
   * The JSON form of this condition, which {@link #fromJson} reads back to an equal condition. The
   * shapes are:
   *
   * <ul>
   *   <li>{@code {"all":true}}
   *   <li>{@code {"term":{"field":"culture","value":"French"}}}
   *   <li>{@code {"range":{"field":"year","from":1600,"to":1800}}} ({@code null} for an open end)
   *   <li>{@code {"and":[...]}}, {@code {"or":[...]}} with condition objects as elements
   *   <li>{@code {"not":{...}}}
   * </ul>
   *
   * <p>The output is compact (no whitespace), numbers are plain decimals, and strings escape
   * quotes, backslashes, control characters, U+2028, U+2029 and unpaired surrogates.
   *
   * @return the JSON text
   */
  default String toJson() {
    return ConditionJson.toJson(this);
  }

  /**
   * Reads a query text such as {@code culture:French AND (medium:oil OR medium:tempera) AND
   * year:[1600 TO 1800] AND NOT collection:photos}.
   *
   * <p>Syntax:
   *
   * <ul>
   *   <li>{@code facet:value} tests a facet; the facet name is followed immediately by the colon.
   *       On a categorical facet the value is a bare word (letters of any script, digits, {@code _
   *       - . '}) or a double-quoted string in which {@code \"} and {@code \\} are the only escapes
   *       ({@code medium:"oil on canvas"}). On a numeric facet the value is a number (optionally
   *       negative or decimal) and means exactly that value.
   *   <li>{@code facet:[from TO to]} tests a numeric facet against an inclusive range; {@code *}
   *       leaves an end open ({@code year:[* TO 1700]}); {@code from} must not exceed {@code to}.
   *   <li>{@code NOT}, {@code AND}, {@code OR} (case-insensitive), in that order of precedence, and
   *       parentheses. Adjacent conditions must be joined explicitly: {@code a b} is an error. A
   *       chain {@code a AND b AND c} becomes one {@link And} with three children; parentheses
   *       create no node of their own.
   *   <li>{@code *} is {@link #ALL}; empty or blank text is {@link #ALL} too.
   * </ul>
   *
   * <p>The text may be untrusted: it is limited to {@link #MAX_TEXT_LENGTH} characters and {@link
   * #MAX_DEPTH} levels of nesting, and every failure is a {@link ConditionSyntaxException}.
   *
   * @param text the query text
   * @param schema the facets that may be referenced
   * @return the condition, not normalized (it mirrors the text)
   * @throws ConditionSyntaxException with the offending position, on a syntax error, an unknown
   *     facet (the message lists the known ones), a facet used with the wrong type, or input beyond
   *     the limits
   * @throws NullPointerException if an argument is null
   */
  static Condition parse(String text, FacetSchema schema) {
    return ConditionParser.parse(text, schema);
  }

  /**
   * Reads the JSON form written by {@link #toJson}. The reader is strict: one condition object per
   * node with exactly one key, no unknown or duplicate keys, {@code "all"} only with {@code true},
   * range ends only numbers or {@code null} (or absent), nothing after the document. Facets are
   * checked against the schema as by {@link #parse}; a term on a numeric facet whose value is a
   * number becomes an exact-value range.
   *
   * <p>The input may be untrusted: it is limited to {@link #MAX_JSON_LENGTH} characters and {@link
   * #MAX_DEPTH} levels of conditions.
   *
   * @param json the JSON text
   * @param schema the facets that may be referenced
   * @return the condition, exactly as written (not normalized)
   * @throws ConditionSyntaxException with the offending offset into the JSON text
   * @throws NullPointerException if an argument is null
   */
  static Condition fromJson(String json, FacetSchema schema) {
    return ConditionJson.fromJson(json, schema);
  }

  /**
   * A term: some value of a categorical facet equals {@code value}.
   *
   * @param field facet name
   * @param value the exact (case-sensitive) value
   * @return the term
   * @throws IllegalArgumentException as {@link Term#Term}
   */
  static Term term(String field, String value) {
    return new Term(field, value);
  }

  /**
   * A range: some number of a numeric facet lies in {@code [from, to]}.
   *
   * @param field facet name
   * @param from inclusive lower bound, null for none
   * @param to inclusive upper bound, null for none
   * @return the range
   * @throws IllegalArgumentException as {@link Range#Range}
   */
  static Range range(String field, Double from, Double to) {
    return new Range(field, from, to);
  }

  /**
   * The conjunction of the children (matches everything when there are none).
   *
   * @param children the conditions that must all hold
   * @return the conjunction
   */
  static And and(Condition... children) {
    return new And(List.of(children));
  }

  /**
   * The conjunction of the children (matches everything when there are none).
   *
   * @param children the conditions that must all hold
   * @return the conjunction
   */
  static And and(List<? extends Condition> children) {
    return new And(List.copyOf(children));
  }

  /**
   * The disjunction of the children (matches nothing when there are none).
   *
   * @param children the conditions of which one must hold
   * @return the disjunction
   */
  static Or or(Condition... children) {
    return new Or(List.of(children));
  }

  /**
   * The disjunction of the children (matches nothing when there are none).
   *
   * @param children the conditions of which one must hold
   * @return the disjunction
   */
  static Or or(List<? extends Condition> children) {
    return new Or(List.copyOf(children));
  }

  /**
   * The negation of a condition.
   *
   * @param child the condition that must not hold
   * @return the negation
   */
  static Not not(Condition child) {
    return new Not(child);
  }

  /**
   * Matches every item. Use the constant {@link Condition#ALL}; all instances are equal. Prints as
   * {@code *}.
   */
  record All() implements Condition {
    /** Always true. */
    @Override
    public boolean test(ItemFacets item) {
      Objects.requireNonNull(item, "item");
      return true;
    }
  }

  /**
   * Some value of a categorical facet equals {@code value} (exact, case-sensitive comparison); an
   * item missing the facet does not match.
   *
   * @param field facet name: lower case letters, digits, {@code _} and {@code -}, starting with a
   *     letter (as {@link FacetField#name()})
   * @param value the value, not blank
   */
  record Term(String field, String value) implements Condition {
    /**
     * Validates the components.
     *
     * @param field facet name
     * @param value the value
     * @throws IllegalArgumentException if the field name is malformed or the value is blank
     * @throws NullPointerException if a component is null
     */
    public Term {
      checkField(field);
      Objects.requireNonNull(value, "value");
      if (value.isBlank()) {
        throw new IllegalArgumentException("the value of a term on '" + field + "' is blank");
      }
    }

    /** Whether any value of the facet equals {@link #value()}. */
    @Override
    public boolean test(ItemFacets item) {
      return item.hasValue(field, value);
    }
  }

  /**
   * Some number of a numeric facet lies in the inclusive range {@code [from, to]}; an item missing
   * the facet does not match. A null bound leaves that end open; with both open the range matches
   * every item that has the facet at all. Negative zero is stored as zero.
   *
   * @param field facet name, as for {@link Term}
   * @param from inclusive lower bound, or null; finite
   * @param to inclusive upper bound, or null; finite and not below {@code from}
   */
  record Range(String field, Double from, Double to) implements Condition {
    /**
     * Validates the components.
     *
     * @param field facet name
     * @param from inclusive lower bound, or null
     * @param to inclusive upper bound, or null
     * @throws IllegalArgumentException if the field name is malformed, a bound is NaN or infinite,
     *     or {@code from > to}
     * @throws NullPointerException if the field is null
     */
    public Range {
      checkField(field);
      from = checkBound(field, from);
      to = checkBound(field, to);
      if (from != null && to != null && from > to) {
        throw new IllegalArgumentException(
            "empty range on '"
                + field
                + "': "
                + ConditionText.formatNumber(from)
                + " is greater than "
                + ConditionText.formatNumber(to));
      }
    }

    /** Whether any number of the facet lies within the bounds. */
    @Override
    public boolean test(ItemFacets item) {
      return item.hasNumberIn(field, from, to);
    }

    private static Double checkBound(String field, Double bound) {
      if (bound == null) {
        return null;
      }
      if (bound.isNaN() || bound.isInfinite()) {
        throw new IllegalArgumentException(
            "range bound on '" + field + "' must be finite, not " + bound);
      }
      return bound == 0.0 ? Double.valueOf(0.0) : bound; // folds -0.0 into 0.0
    }
  }

  /**
   * All children hold; with no children, matches every item.
   *
   * @param children the conjuncts (copied; no nulls)
   */
  record And(List<Condition> children) implements Condition {
    /**
     * Copies the children.
     *
     * @param children the children
     * @throws NullPointerException if the list or a child is null
     */
    public And {
      children = List.copyOf(children);
    }

    /** Whether every child matches. */
    @Override
    public boolean test(ItemFacets item) {
      Objects.requireNonNull(item, "item");
      for (Condition c : children) {
        if (!c.test(item)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * At least one child holds; with no children, matches nothing.
   *
   * @param children the disjuncts (copied; no nulls)
   */
  record Or(List<Condition> children) implements Condition {
    /**
     * Copies the children.
     *
     * @param children the children
     * @throws NullPointerException if the list or a child is null
     */
    public Or {
      children = List.copyOf(children);
    }

    /** Whether some child matches. */
    @Override
    public boolean test(ItemFacets item) {
      Objects.requireNonNull(item, "item");
      for (Condition c : children) {
        if (c.test(item)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The child does not hold. Since a missing facet never satisfies a term or range, {@code NOT
   * culture:French} matches items without a culture. {@code new Not(ALL)} matches nothing.
   *
   * @param child the negated condition
   */
  record Not(Condition child) implements Condition {
    /**
     * Validates the child.
     *
     * @param child the negated condition
     * @throws NullPointerException if the child is null
     */
    public Not {
      Objects.requireNonNull(child, "child");
    }

    /** Whether the child does not match. */
    @Override
    public boolean test(ItemFacets item) {
      return !child.test(item);
    }
  }

  private static void checkField(String field) {
    Objects.requireNonNull(field, "field");
    if (!ConditionNormalizer.FIELD_NAME.matcher(field).matches()) {
      throw new IllegalArgumentException(
          "facet name '"
              + field
              + "' must match "
              + ConditionNormalizer.FIELD_NAME.pattern()
              + " (lower case, e.g. culture)");
    }
  }
}
