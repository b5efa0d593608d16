package org.loopcrm.crm.api.privacy;

/** A consent decision: given or withdrawn. */
public enum ConsentStatus {
  /** The person consented. */
  GRANTED,
  /** The person withdrew (or refused) consent. */
  WITHDRAWN
}
