/**
 * The explainer quality report (issue 4 item 6): every explainer over a set of image pairs with one
 * model, scored by the metrics of {@link org.mnemosyne.explain.metrics} and summarised as one row
 * per explainer.
 */
package org.mnemosyne.explain.report;
