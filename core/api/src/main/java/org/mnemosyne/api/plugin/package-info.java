/**
 * What every plugin provider shares: identity and capabilities ({@link
 * org.mnemosyne.api.plugin.PluginProvider}), the API version check ({@link
 * org.mnemosyne.api.plugin.PluginApi}) and the {@link org.mnemosyne.api.plugin.PluginContext}
 * handed to providers when they create their heavy objects.
 */
package org.mnemosyne.api.plugin;
