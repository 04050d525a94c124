/**
 * Explanations as background jobs: a bounded queue with a per-client limit, progress and
 * cancellation through the general job table, and results cached in PostgreSQL so that the second
 * request is served at once.
 */
package org.mnemosyne.web.explain;
