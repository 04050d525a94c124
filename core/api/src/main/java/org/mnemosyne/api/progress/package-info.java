/**
 * Progress reporting and cooperative cancellation shared by imports, index builds and explanations.
 */
package org.mnemosyne.api.progress;
