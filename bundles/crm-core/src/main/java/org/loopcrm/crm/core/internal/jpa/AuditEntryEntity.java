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
import org.hibernate.annotations.Immutable;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.audit.AuditAction;

/**
 * A row of the audit history: one change of one record. Immutable: Hibernate never writes an update
 * for it, and no code path deletes it (see {@link AuditLog}).
 */
@Entity
@Immutable
@Table(name = "crm_audit_entry")
public class AuditEntryEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "entry_id", nullable = false, length = 36, unique = true)
  String entryId;

  @Column(name = "record_type", nullable = false, length = 40)
  String recordType;

  @Column(name = "record_id", nullable = false, length = 36)
  String recordId;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, length = 20)
  AuditAction action;

  @Column(name = "user_name", nullable = false, length = 100)
  String user;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, length = 20)
  Actor.Channel channel;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;
}
