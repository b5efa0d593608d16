package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.DiscriminatorValue;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.PrimaryKeyJoinColumn;
import javax.persistence.Table;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;

/** An organization party in its account role (customer or prospect), with the ERP snapshot. */
@Entity
@Table(name = "crm_organization")
@DiscriminatorValue("ORGANIZATION")
@PrimaryKeyJoinColumn(name = "party_id")
public class OrganizationEntity extends PartyEntity {
  @Column(name = "name", nullable = false, length = 200)
  String name;

  /** Lower-cased name: the key of name sorting and prefix search, the same on every database. */
  @Column(name = "sort_name", nullable = false, length = 200)
  String sortName;

  @Column(name = "erp_ref", length = 64, unique = true)
  String erpRef;

  @Column(name = "tax_id", length = 32)
  String taxId;

  @Column(name = "owner_user", nullable = false, length = 100)
  String owner;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage", nullable = false, length = 20)
  LifecycleStage stage;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  AccountStatus status;

  @Column(name = "receivables_open", nullable = false, precision = 19, scale = 4)
  BigDecimal receivablesOpen;

  @Column(name = "receivables_currency", length = 3)
  String receivablesCurrency;

  @Column(name = "invoice_count", nullable = false)
  long invoiceCount;

  @Column(name = "last_invoice", length = 64)
  String lastInvoice;

  @Column(name = "receivables_updated_at")
  Instant receivablesUpdatedAt;

  /** The overdue part of the receivable as the ERP last told it, or null (since 0017). */
  @Column(name = "receivables_overdue", precision = 19, scale = 4)
  BigDecimal overdue;

  @Column(name = "credit_limit", precision = 19, scale = 4)
  BigDecimal creditLimit;

  /** When the ERP computed the balance last applied, or null if it never sent one. */
  @Column(name = "balance_as_of")
  Instant balanceAsOf;

  @Column(name = "payment_count", nullable = false)
  long paymentCount;

  @Column(name = "last_payment_at")
  Instant lastPaymentAt;
}
