package org.loopcrm.crm.api.erp;

/** The kinds of ERP document whose state the CRM follows on the account. */
public enum DocumentKind {
  SALE,
  INVOICE,
  SHIPMENT,
  PRODUCTION,
  PROJECT
}
