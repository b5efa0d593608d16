package org.loopcrm.crm.api.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.erp.ErpCommand;

/**
 * A revision of a quote.
 *
 * @param id this revision's id
 * @param number the quote's number, shared by its revisions, e.g. {@code Q-000042}
 * @param revision 1, 2, ...
 * @param opportunityId the opportunity it offers for
 * @param accountId the opportunity's account
 * @param contactId the contact addressed, or null
 * @param status where it stands
 * @param currency the opportunity's currency
 * @param validUntil the last day the offer holds
 * @param deliveryDate the promised delivery date, or null
 * @param terms the terms, or null
 * @param lines the lines
 * @param subtotal the lines before discounts
 * @param discount the discounts, as an amount
 * @param total the lines' totals
 * @param approvalReason why approval is needed (e.g. a discount over the threshold), or null
 * @param approvedBy who approved, or null
 * @param approvalNote the approver's note (or why approval was refused), or null
 * @param credit the ERP's credit check of the total when the quote was checked, or null
 * @param creditProblem why no credit check came (no ERP, not linked, no answer), else null
 * @param checkedAt when availability and credit were last checked, or null
 * @param saleCommandId the ERP sale command placed on acceptance, or null
 * @param saleCommand that command's state (PENDING, DONE with the sale, FAILED), or null
 * @param decisionReason why the customer rejected it, or null
 * @param decidedAt when it was accepted or rejected, or null
 * @param version the optimistic version (the ETag)
 * @param createdBy who made this revision
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record Quote(
    UUID id,
    String number,
    int revision,
    UUID opportunityId,
    UUID accountId,
    UUID contactId,
    QuoteStatus status,
    String currency,
    LocalDate validUntil,
    LocalDate deliveryDate,
    String terms,
    List<QuoteLine> lines,
    BigDecimal subtotal,
    BigDecimal discount,
    BigDecimal total,
    String approvalReason,
    String approvedBy,
    String approvalNote,
    CreditSummary credit,
    String creditProblem,
    Instant checkedAt,
    UUID saleCommandId,
    ErpCommand.Status saleCommand,
    String decisionReason,
    Instant decidedAt,
    long version,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies the lines. */
  public Quote {
    lines = List.copyOf(lines);
  }

  /**
   * The credit check as kept on the quote.
   *
   * @param limit the credit limit, or null for none
   * @param exposure what the customer owes and has on order now
   * @param allowed whether the quote's total fits
   */
  public record CreditSummary(BigDecimal limit, BigDecimal exposure, boolean allowed) {}
}
