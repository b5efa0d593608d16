package org.loopcrm.crm.api.erp.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer as the CRM writes it to an ERP, or reads it back.
 *
 * @param crmId the CRM account id; the ERP keeps it so a retried write finds the party it made
 * @param erpRef the party's id in the ERP, or null when it is not there yet
 * @param name the name
 * @param taxId the tax id, or null
 * @param email the primary e-mail, or null
 * @param phone the primary phone, or null
 * @param website the web address, or null
 * @param addresses postal addresses, possibly empty
 * @param changedAt when the ERP last wrote it, or null when the CRM made the record
 */
public record CustomerRecord(
    UUID crmId,
    String erpRef,
    String name,
    String taxId,
    String email,
    String phone,
    String website,
    List<PostalAddress> addresses,
    Instant changedAt) {

  /** Checks the name and copies the addresses. */
  public CustomerRecord {
    Objects.requireNonNull(name, "name");
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }
}
