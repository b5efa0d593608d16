package org.loopcrm.crm.api.erp;

import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;

/**
 * The ERP's facts as people see them on an account: the finance snapshot, the documents followed,
 * and the master-data conflicts waiting for review. Reads obey record access; finance facts need a
 * role that may see them.
 */
public interface ErpAccountService {

  /**
   * The account's finance snapshot.
   *
   * @throws NotFoundException if the account is not there for the actor
   * @throws AccessDeniedException if the actor may not see finance facts
   */
  ErpSnapshot snapshot(Actor actor, UUID accountId);

  /**
   * The account's ERP documents, most recently changed first.
   *
   * @param kind only this kind, or null for all
   * @throws NotFoundException if the account is not there for the actor
   * @throws ValidationException if the limit is out of range or the cursor is not this query's
   */
  Page<ErpDocument> documents(
      Actor actor, UUID accountId, DocumentKind kind, int limit, String cursor);

  /**
   * Master-data conflicts, newest first.
   *
   * @param openOnly only those still open
   * @throws AccessDeniedException unless the actor administers the CRM or integration
   */
  Page<SyncConflict> conflicts(Actor actor, boolean openOnly, int limit, String cursor);

  /**
   * Resolves an open conflict: {@link SyncConflict.Status#TOOK_ERP} applies the ERP's values to the
   * account; {@link SyncConflict.Status#KEPT_CRM} keeps the account and marks it to be written back
   * to the ERP. Audited.
   *
   * @throws NotFoundException if there is no such conflict
   * @throws ConflictException if it is not open any more
   * @throws ValidationException if the resolution is {@code OPEN}
   */
  SyncConflict resolve(Actor actor, UUID conflictId, SyncConflict.Status resolution);
}
