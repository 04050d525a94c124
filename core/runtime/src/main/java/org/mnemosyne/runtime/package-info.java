/**
 * The host side of the plugin API, shared by the portal and the command-line tool: configuration,
 * data directories, the plugin registry and image input. Free of CDI, JPA and Faces.
 */
package org.mnemosyne.runtime;
