package org.loopcrm.crm.api.activity;

import java.util.Set;
import java.util.UUID;

/**
 * Whose timeline, which kinds, which page.
 *
 * @param accountId the account, required
 * @param contactId a contact of the account for the contact's own timeline, or null for the
 *     account's (which includes its contacts' facts)
 * @param kinds kinds ({@code activity.call}) or groups ({@code activity}) to keep; empty for all
 * @param limit 1 to 200
 * @param cursor the cursor of the previous page, or null
 */
public record TimelineQuery(
    UUID accountId, UUID contactId, Set<String> kinds, int limit, String cursor) {

  /** Copies the kinds. */
  public TimelineQuery {
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }
}
