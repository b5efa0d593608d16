package org.loopcrm.crm.api.audit;

import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;

/**
 * Reads the audit history. The history itself is written by the services that change records, in
 * the transaction of each change; nothing here changes it.
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
}
