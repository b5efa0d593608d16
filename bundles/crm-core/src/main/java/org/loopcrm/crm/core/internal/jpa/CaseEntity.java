package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.servicecase.CaseChannel;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseStatus;

/** A service case; see decisions.md §36. */
@Entity
@Table(name = "crm_case")
public class CaseEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "case_number", nullable = false, length = 20)
  String number;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "contact_id", length = 36)
  String contactId;

  @Column(name = "subject", nullable = false, length = 200)
  String subject;

  @Column(name = "description")
  String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, length = 10)
  CaseChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "priority", nullable = false, length = 10)
  CasePriority priority;

  @Column(name = "category", length = 50)
  String category;

  @Column(name = "product_code", length = 64)
  String productCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 30)
  CaseStatus status;

  @Column(name = "owner_user", nullable = false, length = 100)
  String owner;

  @Column(name = "response_due_at")
  Instant responseDueAt;

  @Column(name = "first_response_at")
  Instant firstResponseAt;

  @Column(name = "resolved_at")
  Instant resolvedAt;

  @Column(name = "closed_at")
  Instant closedAt;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
