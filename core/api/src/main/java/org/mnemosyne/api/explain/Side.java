package org.mnemosyne.api.explain;

/** Which image of the pair an attribution refers to. */
public enum Side {
  /** The query image (what the user searched with). */
  QUERY,
  /** The target image (the search hit being explained). */
  TARGET
}
