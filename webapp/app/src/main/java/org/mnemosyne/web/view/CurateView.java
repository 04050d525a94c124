package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.attempt;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mnemosyne.web.admin.AdminService;
import org.mnemosyne.web.security.CurrentUser;

/** The curation page ({@code curate/index.xhtml}, curators and admins): item takedown. */
@Named
@RequestScoped
public class CurateView {
  @Inject AdminService admin;
  @Inject CurrentUser user;

  private String itemId = "";
  private String reason = "";

  /** Takes down the item of the form. */
  public void withdrawItem() {
    attempt(
        () -> {
          long id = Pages.wholeNumber("item id", itemId);
          admin.withdrawItem(user.curatorScope(), id, reason);
          return "Item " + id + " taken down: it left search, its explanations and image copies.";
        });
  }

  public String getItemId() {
    return itemId;
  }

  public void setItemId(String itemId) {
    this.itemId = itemId;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
