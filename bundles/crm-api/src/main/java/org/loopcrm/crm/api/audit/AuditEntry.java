package org.loopcrm.crm.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * One recorded change of one record, written in the same transaction as the change itself. Entries
 * are never removed by the application, and changed in one case only: erasing a data subject
 * replaces the personal values in the subject's changes by {@code (erased)} (see {@code
 * org.loopcrm.crm.api.privacy.PrivacyService}).
 *
 * @param id the entry's id
 * @param recordType the kind of record, e.g. {@code account} or {@code contact}
 * @param recordId the record's id
 * @param action what the change did
 * @param user the user who made the change
 * @param channel the channel the change came through
 * @param at when the change happened
 * @param changes the fields that changed, in a stable order per record type
 */
public record AuditEntry(
    UUID id,
    String recordType,
    UUID recordId,
    AuditAction action,
    String user,
    Actor.Channel channel,
    Instant at,
    List<FieldChange> changes) {

  /** Checks the required parts and copies the changes. */
  public AuditEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    changes = List.copyOf(changes);
  }
}
