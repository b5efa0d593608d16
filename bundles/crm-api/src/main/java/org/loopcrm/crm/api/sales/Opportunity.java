package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A chance to sell to an account, on a pipeline.
 *
 * @param id the id
 * @param accountId the account it belongs to (and whose visibility it follows)
 * @param contactId the main contact, or null
 * @param name a short name, e.g. "Line 4 conveyors"
 * @param type standard, configure-to-order or engineer-to-order
 * @param pipeline the pipeline's code
 * @param stage the current stage's code
 * @param status open, won or lost: the current stage's kind
 * @param probability 0 to 100, the stage's unless overridden
 * @param forecastCategory the stage's unless overridden
 * @param amount the expected revenue: the lines' total when there are lines, else as entered
 * @param currency ISO 4217
 * @param closeDate the expected (or, once closed, actual) close date
 * @param owner the user responsible
 * @param source where it came from (a campaign, a lead source), or null
 * @param leadId the lead it was converted from, or null
 * @param description free text, or null
 * @param nextStep the agreed next step, or null
 * @param lines the lines
 * @param competitors the competitors
 * @param closeReason why it was won or lost, or null while open
 * @param lostTo the competitor it was lost to, or null
 * @param closedAt when it was won or lost, or null
 * @param version the optimistic version (the ETag)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Opportunity(
    UUID id,
    UUID accountId,
    UUID contactId,
    String name,
    OpportunityType type,
    String pipeline,
    String stage,
    StageKind status,
    int probability,
    ForecastCategory forecastCategory,
    BigDecimal amount,
    String currency,
    LocalDate closeDate,
    String owner,
    String source,
    UUID leadId,
    String description,
    String nextStep,
    List<OpportunityLine> lines,
    List<Competitor> competitors,
    String closeReason,
    String lostTo,
    Instant closedAt,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** The field names a stage may require. */
  public static final Set<String> FIELDS =
      Set.of(
          "contactId",
          "amount",
          "closeDate",
          "description",
          "nextStep",
          "source",
          "lines",
          "competitors");

  /** Copies the lists. */
  public Opportunity {
    lines = List.copyOf(lines);
    competitors = List.copyOf(competitors);
  }

  /** The amount weighted by the probability. */
  public BigDecimal weightedAmount() {
    return amount
        .multiply(BigDecimal.valueOf(probability))
        .movePointLeft(2)
        .setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
