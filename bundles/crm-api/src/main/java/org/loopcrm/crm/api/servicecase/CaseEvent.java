package org.loopcrm.crm.api.servicecase;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a case's thread: its creation, a status change, a reply or a note. Also shown on the
 * account's timeline (kinds {@code case.created}, {@code case.<status>}, {@code case.reply}, {@code
 * case.note}).
 *
 * @param id the entry's id
 * @param caseId the case
 * @param kind what happened
 * @param from the status before (status changes), or null
 * @param to the status after (creation and status changes), or null
 * @param body the reply, note or the reason given with a status change, or null
 * @param user who did it
 * @param at when
 */
public record CaseEvent(
    UUID id,
    UUID caseId,
    CaseEventKind kind,
    CaseStatus from,
    CaseStatus to,
    String body,
    String user,
    Instant at) {}
