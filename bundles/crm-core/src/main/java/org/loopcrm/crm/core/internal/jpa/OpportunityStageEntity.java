package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.loopcrm.crm.api.sales.ForecastCategory;

/** One stage change of an opportunity (its first row is the creation). */
@Entity
@Table(name = "crm_opportunity_stage")
public class OpportunityStageEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "opportunity_id", nullable = false, length = 36)
  String opportunityId;

  @Column(name = "at", nullable = false)
  Instant at;

  @Column(name = "by_user", nullable = false, length = 100)
  String by;

  @Column(name = "from_stage", length = 40)
  String fromStage;

  @Column(name = "to_stage", nullable = false, length = 40)
  String toStage;

  @Column(name = "probability", nullable = false)
  int probability;

  @Enumerated(EnumType.STRING)
  @Column(name = "forecast_category", nullable = false, length = 20)
  ForecastCategory forecastCategory;

  @Column(name = "amount", nullable = false, precision = 19, scale = 2)
  BigDecimal amount;

  @Column(name = "reason", length = 500)
  String reason;
}
