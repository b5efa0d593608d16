package org.loopcrm.crm.api.sales;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * The sales forecast, quotas and forecast snapshots.
 *
 * <p>A forecast is computed in the database when asked, from the opportunities closing in the
 * period that the caller may see (those of the accounts it sees). Amounts are grouped by currency
 * and never converted. Quotas belong to a user or a team and a period key; only administrators and
 * managers set them. A snapshot copies every opportunity closing in a period; {@link #accuracy}
 * compares each snapshot of a period with what is won in it now.
 *
 * <p>Throws {@link org.loopcrm.crm.api.ValidationException} with field errors for bad input (a
 * period key that is no month, quarter or year among them), {@link
 * org.loopcrm.crm.api.StaleVersionException} when {@code expectedVersion} is not current, {@link
 * org.loopcrm.crm.api.NotFoundException} for an unknown team or quota, {@link
 * org.loopcrm.crm.api.ConflictException} when a quota exists already and no version was named, and
 * {@link org.loopcrm.crm.api.AccessDeniedException}.
 */
public interface ForecastService {

  /** The forecast of a period, grouped as asked. */
  Forecast forecast(Actor actor, ForecastQuery query);

  /**
   * Sets a quota: creates it when {@code expectedVersion} is null and none exists for the user (or
   * team) and period, else replaces its amount and currency if the version is current.
   */
  Quota setQuota(Actor actor, QuotaDraft draft, Long expectedVersion);

  /** The quotas of a period (all periods when null), by period, user, team. */
  List<Quota> quotas(Actor actor, String period);

  /**
   * One quota.
   *
   * @param user the user, or null for a team's quota
   * @param teamId the team, or null for a user's quota
   * @param period the period's key
   */
  Quota quota(Actor actor, String user, UUID teamId, String period);

  /** Deletes a quota if the version is current. */
  void deleteQuota(Actor actor, UUID id, long expectedVersion);

  /** Takes a snapshot of every opportunity closing in the period, as they are now. */
  ForecastSnapshot snapshot(Actor actor, String period);

  /** The snapshots of a period (all periods when null), newest first. */
  List<ForecastSnapshot> snapshots(Actor actor, String period);

  /**
   * Each snapshot of the period against what is won in it now, oldest snapshot first, one entry per
   * currency; figures count only opportunities of accounts the caller sees.
   */
  List<ForecastAccuracy> accuracy(Actor actor, String period);
}
