package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A snapshot of a period's opportunities; its lines are {@link ForecastSnapshotLineEntity}. */
@Entity
@Table(name = "crm_forecast_snapshot")
public class ForecastSnapshotEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "period_key", nullable = false, length = 7)
  String period;

  @Column(name = "period_start", nullable = false)
  LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  LocalDate periodEnd;

  @Column(name = "taken_at", nullable = false)
  Instant takenAt;

  @Column(name = "taken_by", nullable = false, length = 100)
  String takenBy;

  @Column(name = "opportunity_count", nullable = false)
  int opportunityCount;
}
