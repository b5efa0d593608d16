package org.loopcrm.crm.api.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A role a party plays over a period. The same role never overlaps itself on one party.
 *
 * @param id the role's id
 * @param partyId the party
 * @param accountId the account the party is or belongs to
 * @param role the role
 * @param fromDate first day
 * @param thruDate last day, or null for open-ended
 * @param createdAt when it was recorded
 */
public record PartyRole(
    UUID id,
    UUID partyId,
    UUID accountId,
    RoleType role,
    LocalDate fromDate,
    LocalDate thruDate,
    Instant createdAt) {}
