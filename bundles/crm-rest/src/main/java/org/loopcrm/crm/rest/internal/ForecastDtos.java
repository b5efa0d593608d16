package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.loopcrm.crm.api.sales.Forecast;
import org.loopcrm.crm.api.sales.ForecastAccuracy;
import org.loopcrm.crm.api.sales.ForecastGrouping;
import org.loopcrm.crm.api.sales.ForecastRow;
import org.loopcrm.crm.api.sales.ForecastSnapshot;
import org.loopcrm.crm.api.sales.Quota;

/** The JSON shapes of the forecast, quotas and snapshots. */
final class ForecastDtos {
  private ForecastDtos() {}

  /** {@code groupBy}: owner, team, product or category (any case); owner when absent. */
  static ForecastGrouping grouping(String text) {
    if (text == null || text.isBlank()) {
      return ForecastGrouping.OWNER;
    }
    try {
      return ForecastGrouping.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Params.invalid("groupBy", "must be owner, team, product or category");
    }
  }

  /** A forecast. */
  record ForecastView(
      String period,
      String start,
      String end,
      ForecastGrouping groupBy,
      List<ForecastRow> rows,
      List<ForecastRow> totals) {
    static ForecastView of(Forecast f) {
      return new ForecastView(
          f.period().key(),
          f.period().start().toString(),
          f.period().end().toString(),
          f.groupBy(),
          f.rows(),
          f.totals());
    }
  }

  /** Request body of a quota: the user (or team) and period are in the path. */
  record QuotaBody(BigDecimal amount, String currency) {}

  /** A quota. */
  record QuotaView(
      UUID id,
      String user,
      UUID teamId,
      String period,
      BigDecimal amount,
      String currency,
      long version,
      String updatedAt,
      String updatedBy) {
    static QuotaView of(Quota q) {
      return new QuotaView(
          q.id(),
          q.user(),
          q.teamId(),
          q.period(),
          q.amount(),
          q.currency(),
          q.version(),
          q.updatedAt().toString(),
          q.updatedBy());
    }
  }

  /** The quotas of a period. */
  record QuotaList(List<QuotaView> items) {}

  /** Request body of a snapshot. */
  record SnapshotBody(String period) {}

  /** A snapshot. */
  record SnapshotView(UUID id, String period, String takenAt, String takenBy, int opportunities) {
    static SnapshotView of(ForecastSnapshot s) {
      return new SnapshotView(
          s.id(), s.period(), s.takenAt().toString(), s.takenBy(), s.opportunities());
    }
  }

  /** Snapshots, newest first. */
  record SnapshotList(List<SnapshotView> items) {}

  /** One snapshot's forecast against what is won now, in one currency. */
  record AccuracyView(
      UUID snapshotId,
      String takenAt,
      String currency,
      BigDecimal actual,
      ForecastAccuracy.Measure commit,
      ForecastAccuracy.Measure bestCase,
      ForecastAccuracy.Measure weighted) {
    static AccuracyView of(ForecastAccuracy a) {
      return new AccuracyView(
          a.snapshotId(),
          a.takenAt().toString(),
          a.currency(),
          a.actual(),
          a.commit(),
          a.bestCase(),
          a.weighted());
    }
  }

  /** The accuracy of a period's snapshots, oldest first. */
  record AccuracyList(String period, List<AccuracyView> items) {}
}
