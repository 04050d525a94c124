/**
 * One configuration story for the portal and the CLI: {@link
 * org.mnemosyne.runtime.config.MnemosyneConfig} resolves keys from system properties, environment
 * variables, a properties file and defaults, in that order; {@link
 * org.mnemosyne.runtime.config.DataLayout} is the data-directory layout.
 */
package org.mnemosyne.runtime.config;
