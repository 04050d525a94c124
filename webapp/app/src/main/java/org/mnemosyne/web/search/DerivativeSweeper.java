package org.mnemosyne.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.web.platform.Database;

/**
 * Carries takedowns through to the image copies: after every index rebuild, the derivatives of
 * images that no shown item uses any more (withdrawn items, withdrawn collections, records gone
 * from their source) are deleted. Rebuilds follow every change of the database, whoever made it
 * (the admin pages, the API, {@code mnemosyne import}), so this catches every path.
 */
@ApplicationScoped
public class DerivativeSweeper {
  private static final Logger LOG = Logger.getLogger(DerivativeSweeper.class.getName());

  @Inject Database database;
  @Inject ImageService images;

  void afterRebuild(@Observes IndexRebuilt event) {
    int deleted = 0;
    for (String hash : new CatalogRepository(database.tx()).takenDownContentHashes()) {
      deleted += images.forget(hash);
    }
    if (deleted > 0) {
      int n = deleted;
      LOG.info(() -> n + " image derivative(s) of taken-down items deleted");
    }
  }
}
