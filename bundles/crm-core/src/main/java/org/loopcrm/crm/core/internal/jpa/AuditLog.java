package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.core.internal.audit.Changes;

/**
 * Appends audit entries inside the caller's transaction, so a change and its history commit
 * together or not at all. Appending is the only write: nothing in the application updates or
 * deletes audit rows, and in production the database role may only insert and select them.
 */
final class AuditLog {
  static final String ACCOUNT = "account";
  static final String CONTACT = "contact";
  static final String CONTACT_MECHANISM = "contact-mechanism";
  static final String TEAM = "team";
  static final String USER = "user";

  private AuditLog() {}

  /**
   * Records the change of a record from image {@code before} to image {@code after} (null before
   * for a create, null after for a delete). An update that changed no field records nothing.
   */
  static void record(
      EntityManager em,
      Actor actor,
      AuditAction action,
      String recordType,
      String recordId,
      Map<String, ?> before,
      Map<String, ?> after,
      Instant at) {
    List<FieldChange> changes = Changes.between(before, after);
    if (changes.isEmpty() && action == AuditAction.UPDATE) {
      return;
    }
    AuditEntryEntity e = new AuditEntryEntity();
    e.entryId = UUID.randomUUID().toString();
    e.recordType = recordType;
    e.recordId = recordId;
    e.action = action;
    e.user = actor.user();
    e.channel = actor.channel();
    e.occurredAt = at;
    em.persist(e);
    for (int i = 0; i < changes.size(); i++) {
      FieldChange f = changes.get(i);
      AuditChangeEntity c = new AuditChangeEntity();
      c.entrySeq = e.sequence;
      c.index = i;
      c.field = f.field();
      c.oldValue = f.oldValue();
      c.newValue = f.newValue();
      em.persist(c);
    }
  }
}
