package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The editable fields of an opportunity: the input of creating and of updating one. The stage,
 * status and lines change through their own operations.
 *
 * @param accountId the account (fixed once created)
 * @param contactId the main contact (a contact of the account), or null
 * @param name 1 to 200 characters
 * @param type null for {@link OpportunityType#STANDARD} (fixed once created)
 * @param pipeline the pipeline's code, or null for the default (fixed once created)
 * @param stage on creation the first stage, or null for the pipeline's first; ignored on update
 * @param probability null to take the stage's
 * @param forecastCategory null to take the stage's
 * @param amount the amount while there are no lines, or null (zero)
 * @param currency ISO 4217, or null for the CRM's default currency
 * @param closeDate the expected close date
 * @param owner the owner, or null (the creator, or whom the assignment rules choose)
 * @param source where it came from, or null
 * @param leadId the lead it came from, or null
 * @param description free text, or null
 * @param nextStep the next step, or null
 * @param competitors the competitors, or null to keep them (on update) or have none
 */
public record OpportunityDraft(
    UUID accountId,
    UUID contactId,
    String name,
    OpportunityType type,
    String pipeline,
    String stage,
    Integer probability,
    ForecastCategory forecastCategory,
    BigDecimal amount,
    String currency,
    LocalDate closeDate,
    String owner,
    String source,
    UUID leadId,
    String description,
    String nextStep,
    List<Competitor> competitors) {

  /** A draft with only what every opportunity needs. */
  public static OpportunityDraft of(UUID accountId, String name, LocalDate closeDate) {
    return new OpportunityDraft(
        accountId, null, name, null, null, null, null, null, null, null, closeDate, null, null,
        null, null, null, null);
  }
}
