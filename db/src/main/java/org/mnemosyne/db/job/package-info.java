/**
 * The general job mechanism: jobs with state, progress, counters and a resumable cursor, per-row
 * problems, cancellation requests, and leases that make sure one worker at a time works on a
 * subject and that a crashed worker's job can be taken over.
 */
package org.mnemosyne.db.job;
