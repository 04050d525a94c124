package org.mnemosyne.index.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.index.facet.FacetColumns;

/**
 * A condition compiled against a {@link NodeFacetSummary}: for any node it answers {@link #NONE}
 * (no point below can match: prune), {@link #ALL} (every point below matches: no leaf checks) or
 * {@link #SOME} (maybe: descend, check at the leaves). Three-valued logic, so {@code AND}, {@code
 * OR} and {@code NOT} all prune at node level; the answers are conservative, never wrong.
 */
public abstract sealed class NodeCondition {
  /** No point below the node matches. */
  public static final int NONE = 0;

  /** Some points below the node may match. */
  public static final int SOME = 1;

  /** Every point below the node matches. */
  public static final int ALL = 2;

  private NodeCondition() {}

  /** NONE, SOME or ALL for the points below {@code node}. */
  public abstract int match(int node);

  /**
   * Compiles a condition.
   *
   * @param condition validated against the schema of {@code columns}
   * @param columns the facets in tree order (for value ids)
   * @param summary the per-node summaries
   */
  public static NodeCondition compile(
      Condition condition, FacetColumns columns, NodeFacetSummary summary) {
    if (condition instanceof Condition.All) {
      return new Constant(ALL);
    }
    if (condition instanceof Condition.Term t) {
      if (!summary.summarises(t.field())) {
        return new Constant(SOME);
      }
      OptionalInt id = columns.categorical(t.field()).id(t.value());
      return id.isEmpty() ? new Constant(NONE) : new Term(summary, t.field(), id.getAsInt());
    }
    if (condition instanceof Condition.Range r) {
      return new Range(summary, r.field(), r.from(), r.to());
    }
    if (condition instanceof Condition.Not not) {
      return new Not(compile(not.child(), columns, summary));
    }
    boolean and = condition instanceof Condition.And;
    List<Condition> children =
        and ? ((Condition.And) condition).children() : ((Condition.Or) condition).children();
    List<NodeCondition> compiled = new ArrayList<>();
    for (Condition c : children) {
      compiled.add(compile(c, columns, summary));
    }
    return new Group(and, compiled.toArray(new NodeCondition[0]));
  }

  private static final class Constant extends NodeCondition {
    private final int value;

    Constant(int value) {
      this.value = value;
    }

    @Override
    public int match(int node) {
      return value;
    }
  }

  private static final class Term extends NodeCondition {
    private final NodeFacetSummary summary;
    private final String field;
    private final int value;

    Term(NodeFacetSummary summary, String field, int value) {
      this.summary = summary;
      this.field = field;
      this.value = value;
    }

    @Override
    public int match(int node) {
      if (!summary.some(field, node, value)) {
        return NONE;
      }
      return summary.all(field, node, value) ? ALL : SOME;
    }
  }

  private static final class Range extends NodeCondition {
    private final double[] min;
    private final double[] max;
    private final boolean[] complete;
    private final double from;
    private final double to;

    Range(NodeFacetSummary summary, String field, Double from, Double to) {
      this.min = summary.min(field);
      this.max = summary.max(field);
      this.complete = summary.complete(field);
      this.from = from == null ? Double.NEGATIVE_INFINITY : from;
      this.to = to == null ? Double.POSITIVE_INFINITY : to;
    }

    @Override
    public int match(int node) {
      if (min[node] > max[node] || max[node] < from || min[node] > to) {
        return NONE;
      }
      return complete[node] && min[node] >= from && max[node] <= to ? ALL : SOME;
    }
  }

  private static final class Not extends NodeCondition {
    private final NodeCondition child;

    Not(NodeCondition child) {
      this.child = child;
    }

    @Override
    public int match(int node) {
      return ALL - child.match(node);
    }
  }

  private static final class Group extends NodeCondition {
    private final boolean and;
    private final NodeCondition[] children;

    Group(boolean and, NodeCondition[] children) {
      this.and = and;
      this.children = children;
    }

    @Override
    public int match(int node) {
      if (and) {
        int result = ALL;
        for (NodeCondition c : children) {
          result = Math.min(result, c.match(node));
          if (result == NONE) {
            return NONE;
          }
        }
        return result;
      }
      int result = NONE;
      for (NodeCondition c : children) {
        result = Math.max(result, c.match(node));
        if (result == ALL) {
          return ALL;
        }
      }
      return result;
    }
  }
}
