package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One field's old and new value within an audit entry, linked by the entry's sequence number. */
@Entity
@Immutable
@Table(name = "crm_audit_change")
@IdClass(AuditChangeEntity.Key.class)
public class AuditChangeEntity {
  @Id
  @Column(name = "entry_seq")
  Long entrySeq;

  @Id
  @Column(name = "change_index")
  Integer index;

  @Column(name = "field", nullable = false, length = 60)
  String field;

  /** CLOB/TEXT read as a string, like the outbox payload. */
  @Column(name = "old_value")
  String oldValue;

  @Column(name = "new_value")
  String newValue;

  /** The composite key: entry and position of the change within it. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    Long entrySeq;
    Integer index;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(entrySeq, k.entrySeq)
          && Objects.equals(index, k.index);
    }

    @Override
    public int hashCode() {
      return Objects.hash(entrySeq, index);
    }
  }
}
