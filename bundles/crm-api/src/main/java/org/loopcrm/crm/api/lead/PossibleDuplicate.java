package org.loopcrm.crm.api.lead;

import java.util.UUID;

/**
 * A record a lead may duplicate. The lead is kept either way; this is a flag for people.
 *
 * @param kind LEAD, CONTACT or ACCOUNT
 * @param id the record's id
 * @param name its name
 * @param reason what matched: the same e-mail, or the same name at the same company
 */
public record PossibleDuplicate(String kind, UUID id, String name, String reason) {}
