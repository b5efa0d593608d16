package org.loopcrm.crm.api.erp.port;

/**
 * The ERP's finance side, asked live (for a credit check on a quote). Invoices and payments reach
 * the CRM as facts ({@link org.loopcrm.crm.api.erp.InvoicePosted}, {@link
 * org.loopcrm.crm.api.erp.PaymentReceived}), not through this port.
 */
public interface FinancePort extends ErpPort {

  /**
   * The customer's receivable and credit limit now.
   *
   * @throws org.loopcrm.crm.api.NotFoundException if the ERP has no such party
   * @throws ErpUnavailableException if the ERP cannot be reached
   */
  CreditStatus creditStatus(String erpRef);
}
