package org.mnemosyne.db.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One start of the portal. */
@Entity
@Table(name = "server_start")
public class ServerStart {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(name = "app_version", nullable = false, length = 64)
  private String appVersion;

  @Column(name = "java_version", nullable = false, length = 64)
  private String javaVersion;

  /** For JPA. */
  protected ServerStart() {}

  /** A start at {@code startedAt}. */
  public ServerStart(OffsetDateTime startedAt, String appVersion, String javaVersion) {
    this.startedAt = startedAt;
    this.appVersion = appVersion;
    this.javaVersion = javaVersion;
  }

  /** Database id. */
  public Long getId() {
    return id;
  }

  /** When the portal started. */
  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  /** Mnemosyne version that started. */
  public String getAppVersion() {
    return appVersion;
  }

  /** Java version it ran on. */
  public String getJavaVersion() {
    return javaVersion;
  }
}
