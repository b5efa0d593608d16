package org.loopcrm.crm.api.servicecase;

import java.time.Instant;
import java.util.UUID;

/**
 * A service case.
 *
 * @param id the case's id
 * @param number its number, {@code CASE-000123}, unique and never reused
 * @param accountId the account it belongs to
 * @param contactId the contact who raised it, or null
 * @param subject a short title
 * @param description the request or problem, or null
 * @param channel how it came in
 * @param priority how urgent
 * @param category a short code, or null
 * @param productCode the product concerned, or null
 * @param status where it stands
 * @param owner who works it
 * @param responseDueAt when the first response is due (from the assignment rule), or null
 * @param firstResponseAt when the first reply was posted or the case left NEW, or null
 * @param resolvedAt when it was last resolved, or null
 * @param closedAt when it was closed, or null
 * @param version the optimistic-locking version (the ETag)
 * @param createdBy who opened it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record ServiceCase(
    UUID id,
    String number,
    UUID accountId,
    UUID contactId,
    String subject,
    String description,
    CaseChannel channel,
    CasePriority priority,
    String category,
    String productCode,
    CaseStatus status,
    String owner,
    Instant responseDueAt,
    Instant firstResponseAt,
    Instant resolvedAt,
    Instant closedAt,
    long version,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {}
