package org.loopcrm.crm.api.party;

/** The roles a party plays for the company. */
public enum RoleType {
  /** Buys from the company. */
  CUSTOMER,
  /** May buy from the company. */
  PROSPECT,
  /** Works with the company. */
  PARTNER,
  /** Competes with the company. */
  COMPETITOR,
  /** Sells to the company. */
  SUPPLIER
}
