package org.loopcrm.crm.api.party;

/**
 * A reference to the same party in another system.
 *
 * @param system the system, a lower-case token of 2 to 40 characters ({@code tryton}, {@code sap})
 * @param externalId the party's id there, 1 to 100 characters without control characters
 */
public record ExternalRefDraft(String system, String externalId) {}
