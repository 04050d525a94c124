/**
 * Discovers plugin providers with {@link java.util.ServiceLoader}, from the class path and from
 * plugin jars in a directory (one child class loader per jar), checks them, and hands out providers
 * and their {@link org.mnemosyne.api.plugin.PluginContext}. Usable without CDI.
 */
package org.mnemosyne.runtime.plugin;
