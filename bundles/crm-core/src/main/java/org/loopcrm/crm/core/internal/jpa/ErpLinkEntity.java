package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * What the CRM and one ERP last agreed on for an account; (account, system) is unique. An account
 * version other than {@code syncedVersion} means the CRM changed the account since.
 */
@Entity
@Table(name = "crm_erp_link")
public class ErpLinkEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "erp_system", nullable = false, length = 40)
  String erpSystem;

  @Column(name = "customer_ref", nullable = false, length = 64)
  String customerRef;

  /** The account version both sides agreed on last, or null if they never did. */
  @Column(name = "synced_version")
  Long syncedVersion;

  /**
   * When they last agreed: a primary e-mail or phone of the account changed later was changed in
   * the CRM, although mechanisms have versions of their own and leave the account's alone.
   */
  @Column(name = "synced_at")
  Instant syncedAt;

  /** The ERP change time of the last party change seen, or null. */
  @Column(name = "erp_changed_at")
  Instant erpChangedAt;

  /** The CRM's values were kept over the ERP's and wait to be written back. */
  @Column(name = "push_pending", nullable = false)
  boolean pushPending;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
