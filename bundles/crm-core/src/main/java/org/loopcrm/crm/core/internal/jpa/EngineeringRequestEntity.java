package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.loopcrm.crm.api.eto.EngineeringStatus;
import org.loopcrm.crm.api.eto.Feasibility;

/** The engineering request of an engineer-to-order opportunity. */
@Entity
@Table(name = "crm_eto_request")
public class EngineeringRequestEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "opportunity_id", nullable = false, length = 36)
  String opportunityId;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "product_code", length = 100)
  String productCode;

  @Column(name = "quantity", nullable = false, precision = 19, scale = 4)
  BigDecimal quantity;

  /** A CLOB/TEXT column read as a string (no {@code @Lob}: it would be an OID on PostgreSQL). */
  @Column(name = "specification")
  String specification;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 30)
  EngineeringStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "feasibility", length = 30)
  Feasibility feasibility;

  @Column(name = "feasibility_note", length = 2000)
  String feasibilityNote;

  @Column(name = "feasibility_by", length = 100)
  String feasibilityBy;

  @Column(name = "feasibility_at")
  Instant feasibilityAt;

  @Column(name = "margin_percent", precision = 7, scale = 2)
  BigDecimal marginPercent;

  @Column(name = "estimated_by", length = 100)
  String estimatedBy;

  @Column(name = "estimated_at")
  Instant estimatedAt;

  @Column(name = "quote_id", length = 36)
  String quoteId;

  @Column(name = "project_command_id", length = 36)
  String projectCommandId;

  @Column(name = "production_command_id", length = 36)
  String productionCommandId;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  List<EngineeringCostLineEntity> costLines = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  List<EngineeringTaskEntity> tasks = new ArrayList<>();

  @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("revision")
  List<EngineeringBomEntity> boms = new ArrayList<>();
}
