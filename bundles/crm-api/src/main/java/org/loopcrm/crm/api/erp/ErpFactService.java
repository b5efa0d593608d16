package org.loopcrm.crm.api.erp;

import org.loopcrm.crm.api.NotFoundException;

/**
 * Applies facts from the ERP. Each fact's message id is recorded in the same transaction as its
 * effect, so a fact delivered twice changes the CRM once.
 */
public interface ErpFactService {

  /**
   * Adds a posted invoice to its account's receivables snapshot.
   *
   * @throws NotFoundException if no account has the invoice's customer reference
   */
  ApplyOutcome applyInvoicePosted(InvoicePosted fact);
}
