/**
 * The JSON API under {@code /api}: search, items, collections, facets, saved conditions,
 * explanations, jobs, administration, health and information about the running portal. Resources
 * hold no state and are application-scoped CDI beans, so a request does not build and inject a
 * resource object of its own.
 */
package org.mnemosyne.web.rest;
