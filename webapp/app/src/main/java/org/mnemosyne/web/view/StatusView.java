package org.mnemosyne.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mnemosyne.web.platform.PortalStatus;
import org.mnemosyne.web.platform.StatusService;

/** The start page: what is running. */
@Named
@RequestScoped
public class StatusView {
  @Inject StatusService service;

  private PortalStatus status;

  @PostConstruct
  void load() {
    status = service.status();
  }

  /** The status shown on the page. */
  public PortalStatus getStatus() {
    return status;
  }

  /** Whether any plugin was skipped. */
  public boolean isHasProblems() {
    return !status.problems().isEmpty();
  }
}
