package org.mnemosyne.runtime.config;

/**
 * A resolved configuration value and where it came from, so messages can say which setting to fix.
 *
 * @param key the property name
 * @param value the value
 * @param source for people, e.g. {@code environment variable MNEMOSYNE_DB_URL}
 */
public record ConfigValue(String key, String value, String source) {}
