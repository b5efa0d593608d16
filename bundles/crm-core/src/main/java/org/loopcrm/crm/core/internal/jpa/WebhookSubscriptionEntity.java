package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A webhook subscription; its secret never leaves crm-core except to sign a delivery. */
@Entity
@Table(name = "crm_webhook_subscription")
public class WebhookSubscriptionEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "url", nullable = false, length = 2000)
  String url;

  /** Comma-separated patterns, see {@code WebhookRules}. */
  @Column(name = "event_types", nullable = false, length = 1300)
  String eventTypes;

  @Column(name = "secret", nullable = false, length = 200)
  String secret;

  @Column(name = "active", nullable = false)
  boolean active;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;
}
