package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a user (or a team) is expected to win in a period. Exactly one of {@code user} and {@code
 * teamId} is set.
 *
 * @param id the id
 * @param user the user, or null for a team's quota
 * @param teamId the team, or null for a user's quota
 * @param period the period's key, e.g. {@code 2027-Q1}
 * @param amount greater than zero
 * @param currency ISO 4217
 * @param version the optimistic version (the ETag)
 * @param updatedAt when it was last set
 * @param updatedBy who set it last
 */
public record Quota(
    UUID id,
    String user,
    UUID teamId,
    String period,
    BigDecimal amount,
    String currency,
    long version,
    Instant updatedAt,
    String updatedBy) {}
