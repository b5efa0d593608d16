package org.loopcrm.crm.api.servicecase;

import java.util.UUID;

/**
 * Filters of the case list, newest first; null filters are not applied.
 *
 * @param status only cases in this status
 * @param owner only this owner's cases
 * @param accountId only this account's cases
 * @param priority only cases of this priority
 * @param limit the page size, 1..200
 * @param cursor the cursor of the previous page, or null
 */
public record CaseQuery(
    CaseStatus status,
    String owner,
    UUID accountId,
    CasePriority priority,
    int limit,
    String cursor) {}
