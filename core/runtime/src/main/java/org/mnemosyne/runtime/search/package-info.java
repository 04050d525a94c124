/**
 * Search support shared by the portal and the tools: the facet table behind live facet counts and
 * condition browsing.
 */
package org.mnemosyne.runtime.search;
