/**
 * Closed-form grey-box explanations from feature maps, one forward pass per image: Search-CAM
 * (first order) and joint CAM (the matrix of local-feature inner products). Exact Shapley values
 * and Shapley-Taylor indices of the inner product of average-pooled features when an absent cell's
 * feature vector is zero; approximations for the cosine.
 */
package org.mnemosyne.explain.cam;
