package org.loopcrm.crm.api.privacy;

/** A consent decision: given, refused or withdrawn. */
public enum ConsentStatus {
  /** The person consented. */
  GRANTED,
  /** The person withdrew (revoked) consent given before, or refused it. */
  WITHDRAWN,
  /** The person was asked and refused (since 1.1.0): never granted, as opposed to withdrawn. */
  DENIED
}
