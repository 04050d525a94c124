/**
 * Renders explanations for people and machines: heat-map overlays, joint correspondence pictures
 * and a JSON form.
 */
package org.mnemosyne.runtime.render;
