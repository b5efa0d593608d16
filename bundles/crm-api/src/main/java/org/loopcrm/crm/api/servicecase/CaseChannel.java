package org.loopcrm.crm.api.servicecase;

/** How a case reached the CRM. */
public enum CaseChannel {
  /** An e-mail. */
  EMAIL,
  /** A call. */
  PHONE,
  /** A web form. */
  WEB,
  /** The customer portal. */
  PORTAL
}
