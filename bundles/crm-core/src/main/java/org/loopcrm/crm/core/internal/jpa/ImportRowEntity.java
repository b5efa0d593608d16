package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import org.loopcrm.crm.api.dataimport.RowOutcome;

/** The result of one row of an import job, written in the chunk's transaction. */
@Entity
@Table(name = "crm_import_row")
@IdClass(ImportRowEntity.Key.class)
public class ImportRowEntity {
  @Id
  @Column(name = "job_id", length = 36)
  String jobId;

  @Id
  @Column(name = "row_no")
  long rowNo;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 10)
  RowOutcome outcome;

  @Column(name = "record_id", length = 36)
  String recordId;

  /** The row's match-key value, normalised; lets a dry run see an earlier row with the same key. */
  @Column(name = "match_value", length = 320)
  String matchValue;

  /** The field errors as JSON, or null. */
  @Column(name = "errors", length = 4000)
  String errors;

  /** The composite key. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String jobId;
    long rowNo;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.jobId.equals(jobId) && k.rowNo == rowNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(jobId, rowNo);
    }
  }
}
