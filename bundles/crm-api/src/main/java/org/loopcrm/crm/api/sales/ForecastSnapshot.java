package org.loopcrm.crm.api.sales;

import java.time.Instant;
import java.util.UUID;

/**
 * A copy of every opportunity closing in a period as it stood at one moment (owner, amount,
 * currency, probability, category, stage, close date, status), kept to measure later how good the
 * forecast was.
 *
 * @param id the id
 * @param period the period's key
 * @param takenAt when it was taken
 * @param takenBy who took it (a route's system user for scheduled ones)
 * @param opportunities how many opportunities it holds
 */
public record ForecastSnapshot(
    UUID id, String period, Instant takenAt, String takenBy, int opportunities) {}
