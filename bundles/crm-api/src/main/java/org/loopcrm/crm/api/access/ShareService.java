package org.loopcrm.crm.api.access;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * Explicit shares of records (record types {@code account}, {@code case} and {@code lead}). Sharing
 * and unsharing need write access to the record; every change is audited on the record's history.
 * Records the actor cannot see read as not found.
 */
public interface ShareService {

  /** The shares of a record. */
  List<Share> shares(Actor actor, String recordType, UUID recordId);

  /**
   * Shares a record with a user or team, or changes the access of an existing share to the same
   * principal.
   */
  Share share(
      Actor actor,
      String recordType,
      UUID recordId,
      PrincipalType principalType,
      String principal,
      RecordAccess access);

  /** Removes a share. */
  void unshare(Actor actor, String recordType, UUID recordId, UUID shareId);

  /** What the actor may do with a record: NONE, READ or WRITE. */
  RecordAccess access(Actor actor, String recordType, UUID recordId);
}
