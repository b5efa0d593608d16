package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.loopcrm.crm.api.webhook.DeliveryStatus;

/** The delivery of one outbox event to one subscription. */
@Entity
@Table(name = "crm_webhook_delivery")
public class WebhookDeliveryEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "delivery_id", nullable = false, length = 36, unique = true)
  String deliveryId;

  @Column(name = "subscription_id", nullable = false, length = 36)
  String subscriptionId;

  @Column(name = "event_id", nullable = false, length = 36)
  String eventId;

  @Column(name = "event_type", nullable = false, length = 60)
  String eventType;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  DeliveryStatus status;

  @Column(name = "attempts", nullable = false)
  int attempts;

  @Column(name = "last_status_code")
  Integer lastStatusCode;

  @Column(name = "last_error", length = 500)
  String lastError;

  @Column(name = "next_attempt_at")
  Instant nextAttemptAt;

  @Column(name = "delivered_at")
  Instant deliveredAt;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;
}
