/**
 * Application-scoped services that bridge the CDI world and the plain-Java runtime: configuration,
 * the plugin registry, the embedding model, the schema migration at start.
 */
package org.mnemosyne.web.platform;
