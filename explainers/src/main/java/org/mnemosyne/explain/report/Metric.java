package org.mnemosyne.explain.report;

/** The report's columns, with their headings and how many decimals they are printed with. */
public enum Metric {
  /** Similarity evaluations of the main run. */
  EVALUATIONS("evals", 0),
  /** Area under the deletion curve of the target map; lower is better. */
  DELETION_AUC("deletion AUC", 3),
  /** Area under the insertion curve of the target map; higher is better. */
  INSERTION_AUC("insertion AUC", 3),
  /** Similarity with only the query object and its projection kept (joint); higher is better. */
  PROJECTION("projection", 3),
  /** Overlap of the projected region with the target's object (joint); higher is better. */
  OBJECT_IOU("object IoU", 3),
  /** Spearman's rho between the main run and a run with another seed. */
  SEED_CONSISTENCY("seed rho", 3),
  /** Spearman's rho between the main run and a run with half the budget. */
  BUDGET_CONSISTENCY("budget rho", 3),
  /** Wall time of the main run in milliseconds. */
  WALL_MILLIS("ms/pair", 0);

  private final String heading;
  private final int decimals;

  Metric(String heading, int decimals) {
    this.heading = heading;
    this.decimals = decimals;
  }

  /** The column heading. */
  public String heading() {
    return heading;
  }

  /** Decimals printed. */
  public int decimals() {
    return decimals;
  }
}
