/**
 * An example third-party plugin: a first-order occlusion explainer built against the plugin API
 * alone, shipped as its own jar and loaded from the plugins directory.
 */
package org.mnemosyne.plugins.occlusion;
