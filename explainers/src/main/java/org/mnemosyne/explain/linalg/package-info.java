/**
 * The small dense linear algebra the regression estimators need: normal equations over binary
 * features, Cholesky factorisation, and least squares with one linear equality constraint (how hard
 * constraints such as efficiency are imposed exactly, not by huge weights).
 */
package org.mnemosyne.explain.linalg;
