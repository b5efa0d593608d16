package org.loopcrm.crm.api.audit;

import java.util.Map;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;

/**
 * Reads the audit history. The history itself is written by the services that change records, in
 * the transaction of each change; the one write here is {@link #recordExport}, for exports made
 * outside the core services.
 *
 * <p>A record's history may be read by anyone who may read records ({@code crm-admin}, {@code
 * crm-user}, {@code crm-viewer}); a user's history only by {@code crm-admin}. The history of a
 * deleted record stays readable.
 */
public interface AuditService {

  /**
   * One page of audit entries, newest first.
   *
   * @throws AccessDeniedException if the actor may not read this history
   * @throws ValidationException if the query names neither or both of a record and a user, its
   *     limit is out of range, {@code from} is not before {@code to}, or the cursor is not one this
   *     service returned for the same query
   */
  Page<AuditEntry> history(Actor actor, AuditQuery query);

  /**
   * Records that the actor exported a list of records: one entry with action {@link
   * AuditAction#EXPORT}, record type {@code export} and a new record id, whose changes hold the
   * details (no old value), e.g. the format, the filter and the number of records. It is found in
   * the actor's user history.
   *
   * @param actor who exported
   * @param details what was exported, in order; field names up to 60 characters
   * @return the entry written
   * @throws AccessDeniedException if the actor may not read records
   * @throws UnsupportedOperationException if this implementation records no exports (the default,
   *     which keeps read-only implementations and test doubles written as lambdas valid)
   */
  default AuditEntry recordExport(Actor actor, Map<String, String> details) {
    throw new UnsupportedOperationException("this audit service records no exports");
  }
}
