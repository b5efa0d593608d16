package org.loopcrm.crm.api.party;

import java.time.LocalDate;

/**
 * Which accounts to list by their party details, by name then id, a page at a time. Archived
 * accounts are left out.
 *
 * @param role accounts in this role on {@code on}, or null for any
 * @param tag accounts with this tag (case-insensitive), or null for any
 * @param on the day the role must hold, or null for today
 * @param limit page size, 1 to 200
 * @param cursor the cursor of the previous page, or null for the first
 */
public record PartyFilter(RoleType role, String tag, LocalDate on, int limit, String cursor) {}
