/**
 * The index engine shared by the built-in providers: immutable segments (an exact scan, the paper's
 * conditional ball tree, and the bounded scan over quantised blocks) behind one {@link
 * org.mnemosyne.api.index.ConditionalIndex} with copy-on-write snapshots for concurrent reads
 * during updates, a documented merge and rebuild policy, and a checksummed file format. Internal to
 * the {@code index} module; not a plugin API.
 */
package org.mnemosyne.index.engine;
