package org.loopcrm.crm.api.erp;

import java.time.Instant;
import java.util.List;
import org.loopcrm.crm.api.erp.port.PostalAddress;

/**
 * The canonical "party changed" fact: the ERP's record of a customer changed. The CRM updates the
 * linked account's master data under the configured conflict policy. Version 1 of the message.
 *
 * @param messageId the message's unique id
 * @param erpSystem which ERP sent it
 * @param customerRef the customer's id in that ERP
 * @param crmId the CRM account id the ERP holds for the party, or null if it holds none
 * @param name the party's name
 * @param taxId the tax id, or null
 * @param email the primary e-mail, or null
 * @param phone the primary phone, or null
 * @param addresses the postal addresses, possibly empty
 * @param changedAt when the ERP last wrote the party; an older change than the one applied is
 *     ignored
 */
public record PartyChanged(
    String messageId,
    String erpSystem,
    String customerRef,
    String crmId,
    String name,
    String taxId,
    String email,
    String phone,
    List<PostalAddress> addresses,
    Instant changedAt)
    implements ErpFact {

  /** Validates the fact; a message that fails is malformed and is never applied. */
  public PartyChanged {
    new FactChecks()
        .required("messageId", messageId, 100)
        .required("erpSystem", erpSystem, 40)
        .required("customerRef", customerRef, 64)
        .optional("crmId", crmId, 36)
        .required("name", name, 200)
        .optional("taxId", taxId, 40)
        .optional("email", email, 254)
        .optional("phone", phone, 40)
        .present("changedAt", changedAt)
        .check();
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }
}
