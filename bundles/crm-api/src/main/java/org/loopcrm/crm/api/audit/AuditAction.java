package org.loopcrm.crm.api.audit;

/**
 * What a change did to a record. Later versions of this package add actions (for example merging
 * two records or erasing personal data), so a consumer that switches over it needs a default
 * branch.
 */
public enum AuditAction {
  /** The record was created; the changes hold every field that was set, with no old value. */
  CREATE,
  /** Fields of the record changed; the changes hold exactly the fields whose value differs. */
  UPDATE,
  /** The record was deleted; the changes hold the last values, with no new value. */
  DELETE,
  /** The record was archived: it became read-only and left default listings. */
  ARCHIVE,
  /** An archived record was brought back into use. */
  RESTORE,
  /**
   * The record's personal data was erased (GDPR): the changes name the fields that were anonymised,
   * with {@code (erased)} as the old value, never the value itself.
   */
  ERASE,
  /** Everything held on the record's data subject was exported (GDPR); no field changed. */
  EXPORT,
  /**
   * Parties were merged. On the survivor the changes hold the fields whose value another party gave
   * it; on each merged party {@code mergedInto} changes from none to the survivor's id.
   */
  MERGE,
  /** A merge was undone: the survivor got its prior values back, the merged party came back. */
  UNMERGE
}
