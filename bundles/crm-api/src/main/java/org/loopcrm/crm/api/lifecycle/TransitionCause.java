package org.loopcrm.crm.api.lifecycle;

/** Why an account's stage changed. */
public enum TransitionCause {
  /** The account was created in this stage. */
  CREATED,
  /** A person changed it (REST, shell, import). */
  MANUAL,
  /** A lifecycle rule matched the account's purchase facts. */
  RULE
}
