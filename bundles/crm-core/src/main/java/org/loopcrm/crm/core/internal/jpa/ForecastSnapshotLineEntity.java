package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.StageKind;

/**
 * One opportunity as a snapshot saw it. Written by an insert-select in the database; read by
 * aggregate queries only.
 */
@Entity
@Table(name = "crm_forecast_snapshot_line")
@IdClass(ForecastSnapshotLineEntity.Key.class)
public class ForecastSnapshotLineEntity {
  @Id
  @Column(name = "snapshot_id", length = 36)
  String snapshotId;

  @Id
  @Column(name = "opportunity_id", length = 36)
  String opportunityId;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "owner", nullable = false, length = 100)
  String owner;

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

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String snapshotId;
    String opportunityId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(snapshotId, k.snapshotId)
          && Objects.equals(opportunityId, k.opportunityId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(snapshotId, opportunityId);
    }
  }
}
