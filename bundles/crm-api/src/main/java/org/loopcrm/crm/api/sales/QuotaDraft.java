package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A quota to set: for a user or for a team, in a period.
 *
 * @param user the user, or null for a team's quota
 * @param teamId the team, or null for a user's quota
 * @param period a month, quarter or year key
 * @param amount greater than zero
 * @param currency ISO 4217, or null for the default currency
 */
public record QuotaDraft(
    String user, UUID teamId, String period, BigDecimal amount, String currency) {}
