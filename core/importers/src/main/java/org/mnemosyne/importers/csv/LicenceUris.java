package org.mnemosyne.importers.csv;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rights URIs of common licences, recognised by the SPDX id (or the phrase "public domain") a
 * licence text starts with, e.g. {@code CC0-1.0 (AIC Open Access, public domain)}.
 */
final class LicenceUris {
  private static final Map<String, String> BY_PREFIX = new LinkedHashMap<>();

  static {
    // Longest ids first, so CC-BY-SA-4.0 is not read as CC-BY-4.0's prefix.
    BY_PREFIX.put("cc0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/");
    BY_PREFIX.put("cc-by-sa-4.0", "https://creativecommons.org/licenses/by-sa/4.0/");
    BY_PREFIX.put("cc-by-sa-3.0", "https://creativecommons.org/licenses/by-sa/3.0/");
    BY_PREFIX.put("cc-by-sa-2.0", "https://creativecommons.org/licenses/by-sa/2.0/");
    BY_PREFIX.put("cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/");
    BY_PREFIX.put("cc-by-3.0", "https://creativecommons.org/licenses/by/3.0/");
    BY_PREFIX.put("cc-by-2.0", "https://creativecommons.org/licenses/by/2.0/");
    BY_PREFIX.put("lgpl-3.0", "https://www.gnu.org/licenses/lgpl-3.0.html");
    BY_PREFIX.put("lgpl-2.1", "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html");
    BY_PREFIX.put("gpl-3", "https://www.gnu.org/licenses/gpl-3.0.html");
    BY_PREFIX.put("gpl-2", "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html");
    BY_PREFIX.put("gfdl", "https://www.gnu.org/licenses/fdl-1.3.html");
    BY_PREFIX.put("public domain", "https://creativecommons.org/publicdomain/mark/1.0/");
  }

  /** The CC0 1.0 deed, used for objects flagged public domain. */
  static final String CC0 = "https://creativecommons.org/publicdomain/zero/1.0/";

  private LicenceUris() {}

  /** The rights URI of a licence text, if it starts with a known id. */
  static Optional<String> of(String licence) {
    if (licence == null) {
      return Optional.empty();
    }
    String l = licence.strip().toLowerCase(Locale.ROOT);
    for (var e : BY_PREFIX.entrySet()) {
      if (l.startsWith(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
