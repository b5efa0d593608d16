package org.loopcrm.crm.api.privacy;

import java.time.Instant;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * One recorded consent decision. Decisions are never changed: the current consent for a purpose and
 * channel is the latest decision.
 *
 * @param id the decision's id
 * @param subjectId the person it is about
 * @param purpose the purpose token
 * @param channel the channel it is for
 * @param status granted or withdrawn
 * @param source where the decision was made
 * @param evidence the proof given, or null (blanked when the subject is erased)
 * @param recordedBy the user who recorded it
 * @param via the channel the recording came through (REST, shell, route...)
 * @param at when it was recorded
 */
public record ConsentDecision(
    UUID id,
    UUID subjectId,
    String purpose,
    ConsentChannel channel,
    ConsentStatus status,
    String source,
    String evidence,
    String recordedBy,
    Actor.Channel via,
    Instant at) {}
