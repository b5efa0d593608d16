package org.loopcrm.crm.core.internal.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.Participant;
import org.loopcrm.crm.core.internal.security.Permissions;

/** Validation and normalisation of activity drafts, and what a task's place on the timeline is. */
public final class ActivityRules {
  /** The most participants an activity has. */
  public static final int MAX_PARTICIPANTS = 50;

  static final int MAX_SUBJECT = 200;
  static final int MAX_BODY = 20_000;
  static final int MAX_CHANNEL = 60;

  private ActivityRules() {}

  /**
   * The draft, trimmed and completed (occurredAt now, owner the actor, participants without
   * duplicates), or a validation error listing every invalid field.
   *
   * @param create whether the draft creates an activity (then the account is required)
   */
  public static ActivityDraft valid(Actor actor, ActivityDraft d, boolean create, Instant now) {
    return valid(actor, d, create, now, actor.user());
  }

  /**
   * As {@link #valid(Actor, ActivityDraft, boolean, Instant)}, with the time and owner an absent
   * {@code occurredAt} and {@code owner} take (an update keeps the activity's).
   */
  public static ActivityDraft valid(
      Actor actor, ActivityDraft d, boolean create, Instant now, String defaultOwner) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("kind", "must not be null")));
    }
    List<FieldError> errors = new ArrayList<>();
    ActivityKind kind = d.kind();
    if (kind == null) {
      errors.add(new FieldError("kind", "must not be null"));
    }
    if (kind != null && !kind.hasDirection() && d.direction() != null) {
      errors.add(new FieldError("direction", "does not apply to a " + kind));
    }
    String channel = blankToNull(d.channel());
    if (channel != null && channel.length() > MAX_CHANNEL) {
      errors.add(new FieldError("channel", "must be at most " + MAX_CHANNEL + " characters"));
    }
    String subject = blankToNull(d.subject());
    if (subject == null) {
      errors.add(new FieldError("subject", "must not be blank"));
    } else if (subject.length() > MAX_SUBJECT) {
      errors.add(new FieldError("subject", "must be at most " + MAX_SUBJECT + " characters"));
    }
    String body = d.body() == null || d.body().isBlank() ? null : d.body();
    if (body != null && body.length() > MAX_BODY) {
      errors.add(new FieldError("body", "must be at most " + MAX_BODY + " characters"));
    }
    Instant occurredAt = d.occurredAt() == null ? now : d.occurredAt();
    if (d.endsAt() != null && d.endsAt().isBefore(occurredAt)) {
      errors.add(new FieldError("endsAt", "must not be before occurredAt"));
    }
    if (create && d.accountId() == null) {
      errors.add(new FieldError("accountId", "must not be null"));
    }
    String owner = blankToNull(d.owner());
    if (owner == null) {
      owner = defaultOwner;
    } else if (!Permissions.USER_NAME.matcher(owner).matches()) {
      errors.add(new FieldError("owner", "is not a user name"));
    }
    if (kind != null && kind != ActivityKind.TASK) {
      if (d.dueAt() != null) {
        errors.add(new FieldError("dueAt", "applies to tasks only"));
      }
      if (d.remindAt() != null) {
        errors.add(new FieldError("remindAt", "applies to tasks only"));
      }
    }
    Set<Participant> participants = new LinkedHashSet<>();
    for (int i = 0; i < d.participants().size(); i++) {
      Participant p = d.participants().get(i);
      String field = "participants[" + i + "]";
      if (p == null || (p.contactId() == null) == (blankToNull(p.user()) == null)) {
        errors.add(new FieldError(field, "must name either a contactId or a user"));
      } else if (p.user() != null && !Permissions.USER_NAME.matcher(p.user().strip()).matches()) {
        errors.add(new FieldError(field + ".user", "is not a user name"));
      } else {
        participants.add(
            p.user() == null
                ? Participant.contact(p.contactId())
                : Participant.user(p.user().strip()));
      }
    }
    if (participants.size() > MAX_PARTICIPANTS) {
      errors.add(new FieldError("participants", "must be at most " + MAX_PARTICIPANTS));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ActivityDraft(
        kind,
        d.direction(),
        channel,
        subject,
        body,
        occurredAt,
        d.endsAt(),
        d.accountId(),
        d.contactId(),
        List.copyOf(participants),
        owner,
        d.dueAt(),
        d.remindAt());
  }

  /**
   * An activity's place on the timeline: when it happened; for a task, when it was closed, else
   * when it is due, else when it was recorded.
   */
  public static Instant timelineAt(
      ActivityKind kind, Instant occurredAt, Instant dueAt, Instant completedAt) {
    if (kind != ActivityKind.TASK) {
      return occurredAt;
    }
    if (completedAt != null) {
      return completedAt;
    }
    return dueAt != null ? dueAt : occurredAt;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
