package org.loopcrm.crm.api.party;

import java.time.Instant;
import java.util.UUID;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentStatus;

/**
 * A current consent decision of the consent register that applies to a contact mechanism: the
 * latest decision of its person for a purpose on the mechanism's channel.
 *
 * @param decisionId the decision in the consent register
 * @param purpose the purpose token
 * @param channel the channel
 * @param status granted, denied or withdrawn (revoked)
 * @param source where the decision was made
 * @param at when it was recorded
 * @param mechanismId the mechanism the decision was given for, or null if it was recorded for the
 *     person as a whole
 */
public record MechanismConsent(
    UUID decisionId,
    String purpose,
    ConsentChannel channel,
    ConsentStatus status,
    String source,
    Instant at,
    UUID mechanismId) {}
