/**
 * LIME for search, first order and joint: Bernoulli coalition samples weighted by LIME's own
 * exponential kernel on the cosine distance to the unmasked image, fit by ridge regression with a
 * free intercept. Not a Shapley estimator; it is tested against its own definition.
 */
package org.mnemosyne.explain.lime;
