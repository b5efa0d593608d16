package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of the transactional outbox. */
@Entity
@Table(name = "crm_outbox")
public class OutboxEventEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "event_id", nullable = false, length = 36, unique = true)
  String eventId;

  @Column(name = "aggregate_type", nullable = false, length = 40)
  String aggregateType;

  @Column(name = "aggregate_id", nullable = false, length = 64)
  String aggregateId;

  @Column(name = "event_type", nullable = false, length = 60)
  String type;

  /** A CLOB/TEXT column read as a string (no {@code @Lob}: it would be an OID on PostgreSQL). */
  @Column(name = "payload", nullable = false)
  String payload;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;

  @Column(name = "sent_at")
  Instant sentAt;
}
