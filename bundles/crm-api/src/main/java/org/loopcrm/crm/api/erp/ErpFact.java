package org.loopcrm.crm.api.erp;

/**
 * A fact the ERP tells the CRM, in its canonical form. Every connector (JMS, file drop, Tryton
 * polling) turns what it receives into one of these and hands it to {@link ErpFactService}, which
 * applies it once however often it arrives.
 */
public interface ErpFact {

  /** The fact's unique id; a fact with an id already applied has no second effect. */
  String messageId();

  /** Which ERP told it, e.g. {@code tryton}. */
  String erpSystem();

  /** The customer's id in that ERP: an account's ERP reference or one of its external refs. */
  String customerRef();
}
