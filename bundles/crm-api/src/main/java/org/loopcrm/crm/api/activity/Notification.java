package org.loopcrm.crm.api.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * A message to one user, e.g. a task reminder.
 *
 * @param id the notification's id
 * @param user the user it is for
 * @param text what it says
 * @param recordType the type of the record it is about, e.g. {@code activity}
 * @param recordId the id of that record
 * @param createdAt when it was created
 * @param readAt when the user marked it read, or null
 */
public record Notification(
    UUID id,
    String user,
    String text,
    String recordType,
    UUID recordId,
    Instant createdAt,
    Instant readAt) {}
