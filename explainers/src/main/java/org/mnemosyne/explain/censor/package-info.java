/**
 * What "absent" means: censor strategies that produce the fully censored version of an image once
 * (Gaussian blur, mean colour, constant colour), and {@link
 * org.mnemosyne.explain.censor.SegmentedImage}, which composes the image of any coalition of
 * segments from the original and that censored copy without recomputing the censor.
 */
package org.mnemosyne.explain.censor;
