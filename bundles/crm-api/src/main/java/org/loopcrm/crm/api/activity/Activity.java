package org.loopcrm.crm.api.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interaction with a customer, or a task about one. It belongs to one account and follows it:
 * whoever may read (change) the account may read (change) its activities.
 *
 * @param id the activity's id
 * @param kind what kind of interaction
 * @param direction who started it; null for notes and tasks, optional for the others
 * @param channel how, as free text (e.g. {@code phone}, {@code teams}, {@code linkedin}), or null
 * @param subject a one-line summary
 * @param body notes or the message text, or null
 * @param occurredAt when it happened (a meeting's start; a task's creation unless given)
 * @param endsAt when it ended (e.g. a meeting's end), or null
 * @param accountId the account it belongs to
 * @param contactId the contact it is mainly about, a contact of the account, or null
 * @param participants contacts of the account and users who took part
 * @param owner the user responsible for it; a task's reminder goes to the owner
 * @param dueAt a task's due date, or null
 * @param remindAt when a task's owner is reminded, or null
 * @param remindedAt when the reminder fired, or null
 * @param status a task's status; null for the other kinds
 * @param completedAt when a task was done or cancelled, or null
 * @param completedBy who did or cancelled it, or null
 * @param version the version, for If-Match
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 * @param updatedAt when it last changed
 */
public record Activity(
    UUID id,
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
    Instant remindAt,
    Instant remindedAt,
    TaskStatus status,
    Instant completedAt,
    String completedBy,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  /** Copies the participants. */
  public Activity {
    participants = participants == null ? List.of() : List.copyOf(participants);
  }
}
