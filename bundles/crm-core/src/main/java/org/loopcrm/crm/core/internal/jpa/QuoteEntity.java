package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.quote.QuoteStatus;

/** A revision of a quote. */
@Entity
@Table(name = "crm_quote")
public class QuoteEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "quote_number", nullable = false, length = 20)
  String number;

  @Column(name = "revision", nullable = false)
  int revision;

  @Column(name = "opportunity_id", nullable = false, length = 36)
  String opportunityId;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "contact_id", length = 36)
  String contactId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  QuoteStatus status;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "valid_until", nullable = false)
  LocalDate validUntil;

  @Column(name = "delivery_date")
  LocalDate deliveryDate;

  @Column(name = "terms", length = 2000)
  String terms;

  @Column(name = "subtotal", nullable = false, precision = 19, scale = 2)
  BigDecimal subtotal;

  @Column(name = "discount", nullable = false, precision = 19, scale = 2)
  BigDecimal discount;

  @Column(name = "total", nullable = false, precision = 19, scale = 2)
  BigDecimal total;

  @Column(name = "approval_reason", length = 500)
  String approvalReason;

  @Column(name = "approved_by", length = 100)
  String approvedBy;

  @Column(name = "approval_note", length = 500)
  String approvalNote;

  @Column(name = "credit_limit", precision = 19, scale = 2)
  BigDecimal creditLimit;

  @Column(name = "credit_exposure", precision = 19, scale = 2)
  BigDecimal creditExposure;

  @Column(name = "credit_allowed")
  Boolean creditAllowed;

  @Column(name = "credit_problem", length = 500)
  String creditProblem;

  @Column(name = "checked_at")
  Instant checkedAt;

  @Column(name = "sale_command_id", length = 36)
  String saleCommandId;

  @Column(name = "decision_reason", length = 500)
  String decisionReason;

  @Column(name = "decided_at")
  Instant decidedAt;

  @Column(name = "decided_by", length = 100)
  String decidedBy;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @OneToMany(mappedBy = "quote", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  List<QuoteLineEntity> lines = new ArrayList<>();
}
