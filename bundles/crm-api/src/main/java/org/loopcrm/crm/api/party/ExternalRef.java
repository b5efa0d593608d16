package org.loopcrm.crm.api.party;

import java.time.Instant;
import java.util.UUID;

/**
 * A party's id in another system (an ERP); {@code (system, externalId)} is unique across the CRM.
 *
 * @param id the reference's id
 * @param partyId the party
 * @param accountId the account the party is or belongs to
 * @param contact whether the party is a contact (person) rather than the account itself
 * @param system the system
 * @param externalId the id there
 * @param createdAt when it was recorded
 */
public record ExternalRef(
    UUID id,
    UUID partyId,
    UUID accountId,
    boolean contact,
    String system,
    String externalId,
    Instant createdAt) {}
