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

  /**
   * Changes the quantities of lines of a sale the CRM made (an order reduced): what is not shipped
   * yet follows the new quantities. The ERP's own rules decide whether it still can.
   *
   * @param lines the lines that change, by their position in the sale as the CRM placed it
   * @param reason why, or null
   * @throws ErpRejectedException if the ERP refuses (the goods are already on their way, say), or
   *     does not change sales at all (the default)
   * @since 1.2
   */
  default DocumentRef changeSale(
      String saleRef, java.util.List<SaleLineChange> lines, String reason) {
    throw new ErpRejectedException(system() + " does not change sales");
  }
}
