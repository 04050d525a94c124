package org.mnemosyne.api.explain;

/** The order of an explanation. */
public enum Order {
  /** One attribution per segment of each explained side (a heat-map per image). */
  FIRST,
  /** Interactions between query segments and target segments (a correspondence matrix). */
  JOINT
}
