package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of an opportunity's stage history.
 *
 * @param at when
 * @param by who
 * @param fromStage the stage left, null when the opportunity was created
 * @param toStage the stage entered
 * @param probability the probability from then on
 * @param forecastCategory the forecast category from then on
 * @param amount the amount at that moment
 * @param reason the won/lost or reopen reason, or null
 */
public record StageChange(
    Instant at,
    String by,
    String fromStage,
    String toStage,
    int probability,
    ForecastCategory forecastCategory,
    BigDecimal amount,
    String reason) {}
