package org.loopcrm.crm.api.eto;

/**
 * Where a BOM revision stands: DRAFT → RELEASED. Adding a revision supersedes the open draft;
 * releasing one supersedes the released one. A released revision never changes.
 */
public enum BomStatus {
  DRAFT,
  RELEASED,
  SUPERSEDED
}
