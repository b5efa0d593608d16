package org.loopcrm.crm.api.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit entries to read: those of one record, or those of one user, newest first. Exactly one
 * of the two must be given.
 *
 * @param recordType the kind of record, e.g. {@code account}; set together with {@code recordId}
 * @param recordId the record's id; set together with {@code recordType}
 * @param user the user whose changes to list, or null when a record is given
 * @param from only entries at or after this instant, or null
 * @param to only entries before this instant, or null
 * @param limit the page size, 1 to 200
 * @param cursor the cursor of the previous page, or null for the first
 */
public record AuditQuery(
    String recordType,
    UUID recordId,
    String user,
    Instant from,
    Instant to,
    int limit,
    String cursor) {

  /** The first page of one record's history. */
  public static AuditQuery ofRecord(String recordType, UUID recordId, int limit) {
    return new AuditQuery(recordType, recordId, null, null, null, limit, null);
  }

  /** The first page of the changes one user made. */
  public static AuditQuery ofUser(String user, int limit) {
    return new AuditQuery(null, null, user, null, null, limit, null);
  }

  /** The same query for the page after {@code cursor}. */
  public AuditQuery after(String cursor) {
    return new AuditQuery(recordType, recordId, user, from, to, limit, cursor);
  }
}
