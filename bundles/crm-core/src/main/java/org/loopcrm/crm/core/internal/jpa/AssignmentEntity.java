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
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;

/** One assignment of a record, appended, never changed. */
@Entity
@Table(name = "crm_assignment")
public class AssignmentEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "assignment_id", nullable = false, length = 36)
  String assignmentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "record_kind", nullable = false, length = 20)
  RecordKind kind;

  @Column(name = "record_id", nullable = false, length = 36)
  String recordId;

  @Column(name = "owner_user", length = 100)
  String owner;

  @Column(name = "previous_owner", length = 100)
  String previousOwner;

  @Column(name = "rule_id", length = 36)
  String ruleId;

  @Column(name = "rule_name", length = 100)
  String ruleName;

  @Enumerated(EnumType.STRING)
  @Column(name = "strategy", length = 20)
  Strategy strategy;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason", nullable = false, length = 20)
  Assignment.Reason reason;

  /** The explanation as a JSON list (a CLOB read as a string). */
  @Column(name = "explanation", nullable = false)
  String explanation;

  @Column(name = "assigned_by", nullable = false, length = 100)
  String assignedBy;

  @Column(name = "assigned_at", nullable = false)
  Instant assignedAt;

  @Column(name = "response_due_at")
  Instant responseDueAt;
}
