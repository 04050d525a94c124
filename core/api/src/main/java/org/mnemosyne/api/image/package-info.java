/**
 * Engine-neutral images: decoded, oriented pixels as floats, the form in which images reach models
 * and explainers (and in which explainers censor them).
 */
package org.mnemosyne.api.image;
