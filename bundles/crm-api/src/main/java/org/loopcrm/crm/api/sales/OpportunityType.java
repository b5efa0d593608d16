package org.loopcrm.crm.api.sales;

/** What is being sold, which decides the steps between the opportunity and the order. */
public enum OpportunityType {
  /** Catalogue products at list or quoted prices. */
  STANDARD,
  /** Configured products (a product model's configuration per line). */
  CONFIGURE_TO_ORDER,
  /** Products engineered for the customer: an engineering request comes before the quote. */
  ENGINEER_TO_ORDER
}
