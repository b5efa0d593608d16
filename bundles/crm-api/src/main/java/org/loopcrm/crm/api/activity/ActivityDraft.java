package org.loopcrm.crm.api.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An activity to create, or the new values of one to update (an update replaces every field but the
 * account, which cannot change).
 *
 * @param kind required; an update may change it, but never to or from {@link ActivityKind#TASK}
 * @param direction not for notes and tasks
 * @param channel optional free text, at most 60 characters
 * @param subject required, at most 200 characters
 * @param body optional, at most 20000 characters
 * @param occurredAt when it happened; now when absent
 * @param endsAt optional, not before {@code occurredAt}
 * @param accountId required on create; on update null or the activity's account
 * @param contactId optional, a contact of the account
 * @param participants optional, at most 50: contacts of the account and user names
 * @param owner optional user name; the creator when absent
 * @param dueAt tasks only, optional
 * @param remindAt tasks only, optional; changing it lets the reminder fire again
 */
public record ActivityDraft(
    ActivityKind kind,
    Direction direction,
    String channel,
    String subject,
    String body,
    Instant occurredAt,
    Instant endsAt,
    UUID accountId,
    UUID contactId,
    List<Participant> participants,
    String owner,
    Instant dueAt,
    Instant remindAt) {

  /** Copies the participants. */
  public ActivityDraft {
    participants = participants == null ? List.of() : List.copyOf(participants);
  }
}
