/**
 * Built-in conditional k-NN indexes: {@code exact-scan}, the paper's {@code conditional-ball-tree}
 * and the {@code bounded-scan}, all exact, registered as {@link
 * org.mnemosyne.api.index.IndexProvider}s.
 */
package org.mnemosyne.index;
