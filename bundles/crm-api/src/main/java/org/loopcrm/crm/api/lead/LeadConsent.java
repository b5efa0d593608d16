package org.loopcrm.crm.api.lead;

import java.time.Instant;

/**
 * The consent a lead gave when captured, in the consent register's terms: what for, to which text
 * (its version), when and from where.
 *
 * @param purpose what the consent is for, e.g. MARKETING (a {@code MechanismPurpose} name)
 * @param textVersion the version of the consent text shown
 * @param givenAt when it was given
 * @param ip the address it came from, or null (API, import)
 */
public record LeadConsent(String purpose, String textVersion, Instant givenAt, String ip) {}
