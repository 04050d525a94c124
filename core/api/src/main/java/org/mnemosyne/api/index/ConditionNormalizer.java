package org.mnemosyne.api.index;

import static org.mnemosyne.api.index.Condition.ALL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mnemosyne.api.index.Condition.All;
import org.mnemosyne.api.index.Condition.And;
import org.mnemosyne.api.index.Condition.Not;
import org.mnemosyne.api.index.Condition.Or;
import org.mnemosyne.api.index.Condition.Range;
import org.mnemosyne.api.index.Condition.Term;

/** The tree algorithms behind {@link Condition}'s default methods; stateless. */
final class ConditionNormalizer {
  static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Condition NOTHING = new Not(ALL);

  private ConditionNormalizer() {}

  static Condition normalize(Condition c) {
    if (c instanceof Not not) {
      Condition child = normalize(not.child());
      return child instanceof Not inner ? inner.child() : new Not(child);
    }
    if (c instanceof And and) {
      Map<String, Condition> sorted = new TreeMap<>();
      for (Condition child : and.children()) {
        Condition n = normalize(child);
        if (n.equals(NOTHING)) {
          return NOTHING;
        }
        if (n instanceof And inner) {
          inner.children().forEach(g -> sorted.put(g.toQueryString(), g));
        } else if (!(n instanceof All)) {
          sorted.put(n.toQueryString(), n);
        }
      }
      return group(sorted, true);
    }
    if (c instanceof Or or) {
      Map<String, Condition> sorted = new TreeMap<>();
      for (Condition child : or.children()) {
        Condition n = normalize(child);
        if (n instanceof All) {
          return ALL;
        }
        if (n instanceof Or inner) {
          inner.children().forEach(g -> sorted.put(g.toQueryString(), g));
        } else if (!n.equals(NOTHING)) {
          sorted.put(n.toQueryString(), n);
        }
      }
      return group(sorted, false);
    }
    return c; // All, Term, Range
  }

  private static Condition group(Map<String, Condition> sorted, boolean and) {
    if (sorted.isEmpty()) {
      return and ? ALL : NOTHING;
    }
    if (sorted.size() == 1) {
      return sorted.values().iterator().next();
    }
    List<Condition> children = new ArrayList<>(sorted.values());
    return and ? new And(children) : new Or(children);
  }

  static void collectFields(Condition c, Set<String> out) {
    if (c instanceof Term t) {
      out.add(t.field());
    } else if (c instanceof Range r) {
      out.add(r.field());
    } else if (c instanceof Not n) {
      collectFields(n.child(), out);
    } else if (c instanceof And a) {
      a.children().forEach(child -> collectFields(child, out));
    } else if (c instanceof Or o) {
      o.children().forEach(child -> collectFields(child, out));
    }
  }

  static void validate(Condition c, FacetSchema schema) {
    if (c instanceof Term t) {
      FacetField f = known(t.field(), schema);
      if (f.type() != FacetType.CATEGORICAL) {
        throw new IllegalArgumentException(
            "facet '" + f.name() + "' is numeric; test it with a range, not a term");
      }
    } else if (c instanceof Range r) {
      FacetField f = known(r.field(), schema);
      if (f.type() != FacetType.NUMERIC) {
        throw new IllegalArgumentException(
            "facet '" + f.name() + "' is categorical; test it with a term, not a range");
      }
    } else if (c instanceof Not n) {
      validate(n.child(), schema);
    } else if (c instanceof And a) {
      a.children().forEach(child -> validate(child, schema));
    } else if (c instanceof Or o) {
      o.children().forEach(child -> validate(child, schema));
    }
  }

  private static FacetField known(String name, FacetSchema schema) {
    return schema
        .field(name)
        .orElseThrow(() -> new IllegalArgumentException(unknownFacet(name, schema)));
  }

  /** The message for a facet missing from the schema, listing the known ones. */
  static String unknownFacet(String name, FacetSchema schema) {
    StringBuilder sb = new StringBuilder("unknown facet '").append(name).append("'; known: ");
    List<FacetField> fields = schema.fields();
    if (fields.isEmpty()) {
      return sb.append("(none)").toString();
    }
    for (int i = 0; i < fields.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(fields.get(i).name());
    }
    return sb.toString();
  }
}
