/** Test fixtures: a real embedded PostgreSQL, the real model, small sample collections. */
package org.mnemosyne.db.testing;
