package org.mnemosyne.web.search;

/**
 * A CDI event: the search index was rebuilt because the database changed (an import, a takedown, a
 * publication), so observers can bring their own copies in step.
 *
 * @param fingerprint the database state the new index reflects
 * @param items how many items the new index holds
 */
public record IndexRebuilt(String fingerprint, long items) {}
