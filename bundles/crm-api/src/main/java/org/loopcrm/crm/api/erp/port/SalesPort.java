package org.loopcrm.crm.api.erp.port;

/** The ERP's sales orders. */
public interface SalesPort extends ErpPort {

  /**
   * Creates (and, if asked, confirms) the sale; with a key already used, returns the sale made
   * then, confirming it if it was left unconfirmed.
   *
   * @throws ErpUnavailableException if the ERP cannot be reached
   * @throws ErpRejectedException if the ERP refuses it
   */
  DocumentRef placeSale(SaleCommand command);

  /**
   * Cancels a sale the CRM made (an order withdrawn). The ERP's own rules decide whether it still
   * can; what it then does to shipments and productions is the ERP's.
   *
   * @throws ErpRejectedException if the ERP refuses (the sale is already shipped, say)
   */
  DocumentRef cancelSale(String saleRef);
}
