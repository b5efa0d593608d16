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
import javax.persistence.Version;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.Direction;
import org.loopcrm.crm.api.activity.TaskStatus;

/** An activity (interaction or task) of an account; its account and contact are linked by id. */
@Entity
@Table(name = "crm_activity")
public class ActivityEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "activity_id", nullable = false, length = 36, unique = true)
  String activityId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  ActivityKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "direction", length = 20)
  Direction direction;

  @Column(name = "channel", length = 60)
  String channel;

  @Column(name = "subject", nullable = false, length = 200)
  String subject;

  /** CLOB/TEXT read as a string, like the audit values. */
  @Column(name = "body")
  String body;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;

  @Column(name = "ends_at")
  Instant endsAt;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "contact_id", length = 36)
  String contactId;

  @Column(name = "owner_user", nullable = false, length = 100)
  String owner;

  @Column(name = "due_at")
  Instant dueAt;

  @Column(name = "remind_at")
  Instant remindAt;

  @Column(name = "reminded_at")
  Instant remindedAt;

  /** {@link #remindAt} while the reminder is still to fire, else null. */
  @Column(name = "reminder_due_at")
  Instant reminderDueAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 20)
  TaskStatus status;

  @Column(name = "completed_at")
  Instant completedAt;

  @Column(name = "completed_by", length = 100)
  String completedBy;

  /** The activity's place on the timeline, kept by the service. */
  @Column(name = "timeline_at", nullable = false)
  Instant timelineAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
