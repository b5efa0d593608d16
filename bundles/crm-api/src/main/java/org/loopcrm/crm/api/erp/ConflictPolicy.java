package org.loopcrm.crm.api.erp;

/** What happens when the ERP and the CRM both changed an account since they last agreed. */
public enum ConflictPolicy {
  /** The ERP's values win. The right choice where the ERP owns the customer master. */
  ERP_WINS,
  /** The CRM's values stay, and are written back to the ERP. */
  CRM_WINS,
  /** Nothing is applied; the conflict waits for a person. */
  MANUAL
}
