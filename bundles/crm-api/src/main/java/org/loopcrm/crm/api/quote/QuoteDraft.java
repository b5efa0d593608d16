package org.loopcrm.crm.api.quote;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a quote offers: the input of creating a draft and of changing one.
 *
 * @param contactId the contact it is addressed to (a contact of the account), or null
 * @param validUntil the last day the offer holds
 * @param deliveryDate the promised delivery date, asked of the ERP's availability, or null
 * @param terms payment and delivery terms printed on the quote, or null
 * @param lines the lines; on creation, none copies the opportunity's lines
 */
public record QuoteDraft(
    UUID contactId,
    LocalDate validUntil,
    LocalDate deliveryDate,
    String terms,
    List<QuoteLineDraft> lines) {

  /** Copies the lines; null is none. */
  public QuoteDraft {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
