package org.loopcrm.crm.api.account;

/** Whether an account is in use or archived (kept for history, hidden from default listings). */
public enum AccountStatus {
  /** In use. */
  ACTIVE,
  /** Archived: read-only until restored. */
  ARCHIVED
}
