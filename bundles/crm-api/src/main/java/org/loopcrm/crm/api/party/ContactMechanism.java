package org.loopcrm.crm.api.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A way to reach a party, normalised: e-mail with a lower-cased domain, phone in E.164, postal
 * address with an upper-case country code, web address with scheme.
 *
 * @param id the mechanism's id
 * @param partyId the party it belongs to (the account or the contact)
 * @param accountId the account the party is or belongs to
 * @param kind how the party is reached
 * @param value the e-mail address, E.164 number, URL or handle; null for postal addresses
 * @param network the social network, for {@code SOCIAL}
 * @param address the postal address, for {@code POSTAL}
 * @param purposes what it is used for
 * @param validFrom first day it is valid, or null
 * @param validThru last day it is valid, or null
 * @param consents the current consents of the person on this mechanism's channels (empty for
 *     organizations, whose mechanisms need none)
 * @param version the version for If-Match
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record ContactMechanism(
    UUID id,
    UUID partyId,
    UUID accountId,
    MechanismKind kind,
    String value,
    String network,
    PostalAddress address,
    Set<MechanismPurpose> purposes,
    LocalDate validFrom,
    LocalDate validThru,
    List<MechanismConsent> consents,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
