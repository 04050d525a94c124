/** Built-in conditional k-NN indexes. */
package org.mnemosyne.index;
