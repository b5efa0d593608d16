package org.loopcrm.crm.api.activity;

import java.util.Set;
import java.util.UUID;

/**
 * Which activities to list, newest first (by their timeline time, see {@link TimelineService}).
 *
 * @param accountId the account, required
 * @param contactId only those about this contact of the account (as main contact or participant),
 *     or null
 * @param kinds only these kinds; empty for all
 * @param status only tasks in this status, or null
 * @param owner only those owned by this user, or null
 * @param limit 1 to 200
 * @param cursor the cursor of the previous page, or null for the first
 */
public record ActivityQuery(
    UUID accountId,
    UUID contactId,
    Set<ActivityKind> kinds,
    TaskStatus status,
    String owner,
    int limit,
    String cursor) {

  /** Copies the kinds. */
  public ActivityQuery {
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }

  /** All activities of an account, a first page of {@code limit}. */
  public static ActivityQuery of(UUID accountId, int limit) {
    return new ActivityQuery(accountId, null, Set.of(), null, null, limit, null);
  }
}
