/**
 * Deep zoom: tiled image pyramids of items and uploads in the Deep Zoom (DZI) layout, built once
 * per image content into the derivative directory and served with caching headers, for the
 * OpenSeadragon viewer that the WAR ships (fetched from the npm registry at build time).
 */
package org.mnemosyne.web.zoom;
