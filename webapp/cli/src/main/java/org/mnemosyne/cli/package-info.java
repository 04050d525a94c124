/**
 * The {@code mnemosyne} launcher and command-line tool: starts the embedded database, migrates it,
 * boots Payara Micro with the portal, and runs imports, indexing and explanations without a server.
 */
package org.mnemosyne.cli;
