package org.loopcrm.crm.api.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * How a lead is converted, and what came of it.
 *
 * @param accountId an existing account to merge the lead into, or null to create one from the
 *     lead's company (or name)
 * @param contactId an existing contact of that account to use, or null to create one
 * @param opportunity an opportunity to create, or null
 */
public record Conversion(UUID accountId, UUID contactId, OpportunityRequest opportunity) {

  /**
   * The opportunity to create at conversion.
   *
   * @param name its name
   * @param amount its amount, or null
   * @param closeDate its expected close date, or null
   */
  public record OpportunityRequest(String name, BigDecimal amount, LocalDate closeDate) {}

  /**
   * The outcome.
   *
   * @param lead the converted lead
   * @param accountId the account used or created
   * @param accountCreated whether it was created
   * @param contactId the contact used or created
   * @param contactCreated whether it was created
   * @param opportunityId the opportunity created, or null
   */
  public record Result(
      Lead lead,
      UUID accountId,
      boolean accountCreated,
      UUID contactId,
      boolean contactCreated,
      UUID opportunityId) {}
}
