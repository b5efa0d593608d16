package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.dedupe.ClusterStatus;

/** A cluster of probable duplicates found by a scan; its members are rows of their own. */
@Entity
@Table(name = "crm_duplicate_cluster")
public class DuplicateClusterEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "scan_id", nullable = false, length = 36)
  String scanId;

  /** account or contact. */
  @Column(name = "kind", nullable = false, length = 10)
  String kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  ClusterStatus status;

  @Column(name = "score", nullable = false)
  double score;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "reviewed_by", length = 100)
  String reviewedBy;

  @Column(name = "reviewed_at")
  Instant reviewedAt;
}
