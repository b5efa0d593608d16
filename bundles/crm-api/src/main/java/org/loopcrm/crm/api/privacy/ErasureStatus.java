package org.loopcrm.crm.api.privacy;

/** How an erasure request ended. */
public enum ErasureStatus {
  /** The personal data was anonymised and the erasure command sent to the ERP. */
  COMPLETED,
  /** A legal hold (or a failed check) refused it; the reasons say why. Nothing was erased. */
  REFUSED
}
