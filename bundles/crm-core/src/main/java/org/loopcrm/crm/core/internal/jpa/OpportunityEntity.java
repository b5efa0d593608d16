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
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.OpportunityType;
import org.loopcrm.crm.api.sales.StageKind;

/** An opportunity of an account. */
@Entity
@Table(name = "crm_opportunity")
public class OpportunityEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "contact_id", length = 36)
  String contactId;

  @Column(name = "name", nullable = false, length = 200)
  String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "opp_type", nullable = false, length = 30)
  OpportunityType type;

  @Column(name = "pipeline", nullable = false, length = 40)
  String pipeline;

  @Column(name = "stage", nullable = false, length = 40)
  String stage;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  StageKind status;

  @Column(name = "probability", nullable = false)
  int probability;

  @Enumerated(EnumType.STRING)
  @Column(name = "forecast_category", nullable = false, length = 20)
  ForecastCategory forecastCategory;

  @Column(name = "amount", nullable = false, precision = 19, scale = 2)
  BigDecimal amount;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "close_date", nullable = false)
  LocalDate closeDate;

  @Column(name = "owner", nullable = false, length = 100)
  String owner;

  @Column(name = "source", length = 100)
  String source;

  @Column(name = "lead_id", length = 36)
  String leadId;

  @Column(name = "description", length = 4000)
  String description;

  @Column(name = "next_step", length = 500)
  String nextStep;

  /** A JSON array of {name, note}. */
  @Column(name = "competitors", nullable = false)
  String competitors;

  @Column(name = "close_reason", length = 500)
  String closeReason;

  @Column(name = "lost_to", length = 200)
  String lostTo;

  @Column(name = "closed_at")
  Instant closedAt;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @OneToMany(mappedBy = "opportunity", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  List<OpportunityLineEntity> lines = new ArrayList<>();
}
