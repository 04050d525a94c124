/**
 * Search in the portal: the index kept in step with the database, query vectors from items, uploads
 * and regions, uploads and image derivatives on disk, and the search itself as pages, the REST API
 * and the tests use it.
 */
package org.mnemosyne.web.search;
