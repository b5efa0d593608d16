package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.assignment.RecordKind;

/** The current assignment of an open record a rule assigned; removed when the record closes. */
@Entity
@Table(name = "crm_assignment_open")
@IdClass(AssignmentOpenEntity.Key.class)
public class AssignmentOpenEntity {
  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "record_kind", length = 20)
  RecordKind kind;

  @Id
  @Column(name = "record_id", length = 36)
  String recordId;

  @Column(name = "owner_user", length = 100)
  String owner;

  @Column(name = "rule_id", length = 36)
  String ruleId;

  /** The record's attributes as a JSON object. */
  @Column(name = "attributes", nullable = false)
  String attributes;

  @Column(name = "assigned_at", nullable = false)
  Instant assignedAt;

  @Column(name = "response_due_at")
  Instant responseDueAt;

  @Column(name = "responded_at")
  Instant respondedAt;

  @Column(name = "escalate", nullable = false)
  boolean escalate;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    RecordKind kind;
    String recordId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && kind == k.kind && Objects.equals(recordId, k.recordId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, recordId);
    }
  }
}
