package org.loopcrm.crm.erp.tryton.internal;

import org.loopcrm.crm.api.erp.port.CustomerMasterPort;
import org.loopcrm.crm.api.erp.port.CustomerRecord;

/** What the account push writes to: the customer master, and a party's contact details alone. */
interface CustomerWriter extends CustomerMasterPort {

  /**
   * Writes the customer's e-mail, phone, web site and addresses to its party, leaving the party's
   * name and tax id as they are; a party that is not there any more is written whole.
   *
   * @return the party's id in the ERP
   */
  String writeContactDetails(String erpRef, CustomerRecord customer);
}
