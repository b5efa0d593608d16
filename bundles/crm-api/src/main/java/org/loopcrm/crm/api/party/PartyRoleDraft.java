package org.loopcrm.crm.api.party;

import java.time.LocalDate;

/**
 * A role to give a party.
 *
 * @param role the role, required
 * @param fromDate first day of the role, or null for today
 * @param thruDate last day of the role, or null for open-ended
 */
public record PartyRoleDraft(RoleType role, LocalDate fromDate, LocalDate thruDate) {}
