package org.loopcrm.crm.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.Direction;
import org.loopcrm.crm.api.activity.Notification;
import org.loopcrm.crm.api.activity.Participant;
import org.loopcrm.crm.api.activity.TaskStatus;
import org.loopcrm.crm.api.activity.TimelineItem;

/** The JSON shapes of activities, notifications and the timeline. */
final class ActivityDtos {
  private ActivityDtos() {}

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  /** A participant: a contact id or a user name. */
  record ParticipantView(UUID contactId, String user) {
    static ParticipantView of(Participant p) {
      return new ParticipantView(p.contactId(), p.user());
    }

    Participant toParticipant() {
      return new Participant(contactId, user);
    }
  }

  /** Request body of an activity create or update; times are ISO-8601 instants. */
  record ActivityBody(
      ActivityKind kind,
      Direction direction,
      String channel,
      String subject,
      String body,
      String occurredAt,
      String endsAt,
      UUID accountId,
      UUID contactId,
      List<ParticipantView> participants,
      String owner,
      String dueAt,
      String remindAt) {
    ActivityDraft toDraft() {
      return new ActivityDraft(
          kind,
          direction,
          channel,
          subject,
          body,
          Params.instant("occurredAt", occurredAt),
          Params.instant("endsAt", endsAt),
          accountId,
          contactId,
          participants == null
              ? List.of()
              : participants.stream()
                  .map(p -> p == null ? new Participant(null, null) : p.toParticipant())
                  .toList(),
          owner,
          Params.instant("dueAt", dueAt),
          Params.instant("remindAt", remindAt));
    }
  }

  /** An activity as the API shows it. */
  record ActivityView(
      UUID id,
      ActivityKind kind,
      Direction direction,
      String channel,
      String subject,
      String body,
      String occurredAt,
      String endsAt,
      UUID accountId,
      UUID contactId,
      List<ParticipantView> participants,
      String owner,
      String dueAt,
      String remindAt,
      String remindedAt,
      TaskStatus status,
      String completedAt,
      String completedBy,
      long version,
      String createdAt,
      String createdBy,
      String updatedAt) {
    static ActivityView of(Activity a) {
      return new ActivityView(
          a.id(),
          a.kind(),
          a.direction(),
          a.channel(),
          a.subject(),
          a.body(),
          text(a.occurredAt()),
          text(a.endsAt()),
          a.accountId(),
          a.contactId(),
          a.participants().stream().map(ParticipantView::of).toList(),
          a.owner(),
          text(a.dueAt()),
          text(a.remindAt()),
          text(a.remindedAt()),
          a.status(),
          text(a.completedAt()),
          a.completedBy(),
          a.version(),
          text(a.createdAt()),
          a.createdBy(),
          text(a.updatedAt()));
    }
  }

  /** A page of activities. */
  record ActivityPage(List<ActivityView> items, String nextCursor) {}

  /** A timeline item as the API shows it. */
  record TimelineItemView(
      String kind,
      String at,
      String title,
      String summary,
      String source,
      String recordType,
      UUID recordId,
      String user,
      Map<String, String> attributes) {
    static TimelineItemView of(TimelineItem i) {
      return new TimelineItemView(
          i.kind(),
          text(i.at()),
          i.title(),
          i.summary(),
          i.source(),
          i.recordType(),
          i.recordId(),
          i.user(),
          i.attributes());
    }
  }

  /** A page of the timeline. */
  record TimelinePage(List<TimelineItemView> items, String nextCursor) {}

  /** A notification as the API shows it. */
  record NotificationView(
      UUID id,
      String user,
      String text,
      String recordType,
      UUID recordId,
      String createdAt,
      String readAt) {
    static NotificationView of(Notification n) {
      return new NotificationView(
          n.id(),
          n.user(),
          n.text(),
          n.recordType(),
          n.recordId(),
          ActivityDtos.text(n.createdAt()),
          ActivityDtos.text(n.readAt()));
    }
  }

  /** A page of notifications. */
  record NotificationPage(List<NotificationView> items, String nextCursor) {}
}
