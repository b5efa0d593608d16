package org.loopcrm.crm.api.servicecase;

import java.util.UUID;

/**
 * What a caller gives to open or change a case.
 *
 * @param accountId the account the case belongs to (required on create; cannot change)
 * @param contactId the contact of that account who raised it, or null
 * @param subject a short title (required, at most 200 characters)
 * @param description the request or problem, or null (at most 10,000 characters)
 * @param channel how it came in (required on create)
 * @param priority how urgent; NORMAL when null
 * @param category a short code such as {@code billing} or {@code returns}, or null
 * @param productCode the product concerned, or null
 * @param owner the owner; null on create lets the CASE assignment rules decide (the creator when
 *     none assigns), null on update keeps the owner
 */
public record CaseDraft(
    UUID accountId,
    UUID contactId,
    String subject,
    String description,
    CaseChannel channel,
    CasePriority priority,
    String category,
    String productCode,
    String owner) {}
