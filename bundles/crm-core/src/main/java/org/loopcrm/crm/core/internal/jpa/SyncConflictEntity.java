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
import org.loopcrm.crm.api.erp.SyncConflict;

/** A master-data conflict between an ERP change and a CRM change of one account. */
@Entity
@Table(name = "crm_sync_conflict")
public class SyncConflictEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "conflict_id", nullable = false, length = 36, unique = true)
  String conflictId;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "erp_system", nullable = false, length = 40)
  String erpSystem;

  @Column(name = "customer_ref", nullable = false, length = 64)
  String customerRef;

  /** JSON object: the differing fields with the ERP's values. */
  @Column(name = "erp_values", nullable = false, length = 2000)
  String erpValues;

  /** JSON object: the same fields with the CRM's values when the conflict was found. */
  @Column(name = "crm_values", nullable = false, length = 2000)
  String crmValues;

  @Column(name = "erp_changed_at", nullable = false)
  Instant erpChangedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  SyncConflict.Status status;

  @Column(name = "detected_at", nullable = false)
  Instant detectedAt;

  @Column(name = "resolved_by", length = 100)
  String resolvedBy;

  @Column(name = "resolved_at")
  Instant resolvedAt;

  /** Two people resolving one conflict at once: one wins, the other gets a conflict. */
  @Version
  @Column(name = "version", nullable = false)
  long version;
}
