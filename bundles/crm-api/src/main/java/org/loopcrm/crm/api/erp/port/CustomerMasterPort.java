package org.loopcrm.crm.api.erp.port;

import java.util.Optional;

/** The ERP's customer master. */
public interface CustomerMasterPort extends ErpPort {

  /**
   * Creates the customer in the ERP, or updates the party already there for the same CRM id (found
   * by {@code erpRef} or by the CRM id the ERP keeps), so a retry never makes a second party.
   *
   * @return the party's id in the ERP
   * @throws ErpUnavailableException if the ERP cannot be reached
   * @throws ErpRejectedException if the ERP refuses the record
   */
  String upsertCustomer(CustomerRecord customer);

  /**
   * The customer as the ERP holds it now.
   *
   * @throws ErpUnavailableException if the ERP cannot be reached
   */
  Optional<CustomerRecord> customer(String erpRef);
}
