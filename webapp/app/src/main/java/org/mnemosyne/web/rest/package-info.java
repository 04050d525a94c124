/** The JSON API under {@code /api}: health, information about the running portal, embeddings. */
package org.mnemosyne.web.rest;
