package org.loopcrm.crm.api.privacy;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The party an erasure is checked for, as an {@link ErpFinancePort} sees it.
 *
 * @param partyId the CRM's id of the person
 * @param erpRefs the ERP references of the accounts the person is a contact of (the ERP parties
 *     whose open items may hold the person's data), possibly empty
 */
public record ErasureSubject(UUID partyId, List<String> erpRefs) {

  /** Checks the id and copies the references. */
  public ErasureSubject {
    Objects.requireNonNull(partyId, "partyId");
    erpRefs = List.copyOf(erpRefs);
  }
}
