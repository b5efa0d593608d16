package org.loopcrm.crm.core.internal.dedupe;

import java.util.List;

/**
 * A record as the matcher sees it, with raw (not yet normalised) values.
 *
 * @param id the record's id
 * @param kind account or contact
 * @param name the organization's name, or the person's "first last"
 * @param locality the city of the record's address, or null
 * @param emails e-mail addresses, any spelling
 * @param phones phone numbers, any format
 * @param taxId the VAT or tax id, or null
 * @param erpRef the ERP reference (or another system's id), or null
 */
public record MatchRecord(
    String id,
    RecordKind kind,
    String name,
    String locality,
    List<String> emails,
    List<String> phones,
    String taxId,
    String erpRef) {

  /** Copies the lists; nulls become empty lists. */
  public MatchRecord {
    emails = emails == null ? List.of() : emails.stream().filter(e -> e != null).toList();
    phones = phones == null ? List.of() : phones.stream().filter(p -> p != null).toList();
  }
}
