package org.loopcrm.crm.api.lead;

import java.util.UUID;

/**
 * An existing account or contact that looks like the lead, offered for merging at conversion.
 *
 * @param kind ACCOUNT or CONTACT
 * @param id its id
 * @param accountId the account (itself, or the contact's)
 * @param name its name
 * @param reason what matched
 */
public record ConversionCandidate(
    String kind, UUID id, UUID accountId, String name, String reason) {}
