package org.loopcrm.crm.api.erp.port;

/** The ERP's product catalogue: products and their list prices, asked live for lines and quotes. */
public interface CatalogPort extends ErpPort {
  /**
   * One product by its code.
   *
   * @throws org.loopcrm.crm.api.NotFoundException if the ERP has no product with that code
   * @throws ErpUnavailableException if the ERP cannot be reached
   */
  Product product(String code);
}
