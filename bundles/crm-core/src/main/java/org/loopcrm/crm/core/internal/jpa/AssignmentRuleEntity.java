package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;

/** An assignment rule; (kind, name) is unique. */
@Entity
@Table(name = "crm_assignment_rule")
public class AssignmentRuleEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "record_kind", nullable = false, length = 20)
  RecordKind kind;

  @Column(name = "name", nullable = false, length = 100)
  String name;

  @Column(name = "position", nullable = false)
  int position;

  @Column(name = "active", nullable = false)
  boolean active;

  /** The conditions as JSON (a CLOB read as a string). */
  @Column(name = "conditions", nullable = false)
  String conditions;

  @Enumerated(EnumType.STRING)
  @Column(name = "strategy", nullable = false, length = 20)
  Strategy strategy;

  @Column(name = "user_name", length = 100)
  String user;

  @Column(name = "team_id", length = 36)
  String teamId;

  /** Sorted, comma-separated. */
  @Column(name = "skills", length = 1000)
  String skills;

  @Column(name = "response_minutes")
  Integer responseMinutes;

  @Column(name = "escalate", nullable = false)
  boolean escalate;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
