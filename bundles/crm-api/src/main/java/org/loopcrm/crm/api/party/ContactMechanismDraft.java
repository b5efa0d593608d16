package org.loopcrm.crm.api.party;

import java.time.LocalDate;
import java.util.Set;

/**
 * A contact mechanism to create or to replace one with.
 *
 * @param kind how the party is reached, required
 * @param value the address for {@code EMAIL}, the number for {@code PHONE}, the URL for {@code
 *     WEB}, the handle for {@code SOCIAL}; null for {@code POSTAL}
 * @param network the social network for {@code SOCIAL} (a lower-case token such as {@code
 *     linkedin}); null otherwise
 * @param phoneRegion for {@code PHONE} without an international prefix: the ISO 3166-1 alpha-2
 *     country it is dialled in; null otherwise
 * @param address the address for {@code POSTAL}; null otherwise
 * @param purposes what it is used for, may be empty
 * @param validFrom first day it is valid, or null for "since ever"
 * @param validThru last day it is valid, or null for "until further notice"
 */
public record ContactMechanismDraft(
    MechanismKind kind,
    String value,
    String network,
    String phoneRegion,
    PostalAddress address,
    Set<MechanismPurpose> purposes,
    LocalDate validFrom,
    LocalDate validThru) {}
