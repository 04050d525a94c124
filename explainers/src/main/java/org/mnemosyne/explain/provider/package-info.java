/**
 * The built-in explainers as plugins: one {@link org.mnemosyne.api.explain.ExplainerProvider} per
 * algorithm, registered in {@code META-INF/services}, and the adapter that runs a game estimator on
 * a request.
 */
package org.mnemosyne.explain.provider;
