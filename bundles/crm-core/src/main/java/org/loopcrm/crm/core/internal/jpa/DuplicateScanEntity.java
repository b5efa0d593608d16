package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.loopcrm.crm.api.dedupe.ScanStatus;

/** A duplicate scan. */
@Entity
@Table(name = "crm_duplicate_scan")
public class DuplicateScanEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  ScanStatus status;

  @Column(name = "started_by", nullable = false, length = 100)
  String startedBy;

  @Column(name = "started_at", nullable = false)
  Instant startedAt;

  @Column(name = "finished_at")
  Instant finishedAt;

  @Column(name = "record_count", nullable = false)
  long records;

  @Column(name = "comparison_count", nullable = false)
  long comparisons;

  @Column(name = "cluster_count", nullable = false)
  int clusters;

  @Column(name = "error", length = 1000)
  String error;
}
