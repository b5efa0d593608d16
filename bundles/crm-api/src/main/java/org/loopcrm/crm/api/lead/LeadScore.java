package org.loopcrm.crm.api.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's score and where each point came from.
 *
 * @param leadId the lead
 * @param total the rounded sum of the contributions
 * @param contributions each rule's share
 * @param computedAt the instant decay was computed for
 */
public record LeadScore(
    UUID leadId, int total, List<Contribution> contributions, Instant computedAt) {

  /** Copies the list. */
  public LeadScore {
    contributions = List.copyOf(contributions);
  }

  /**
   * One rule's share.
   *
   * @param rule the rule's name
   * @param points the points after decay
   * @param detail why, e.g. "industry 'Manufacturing' is IN [Manufacturing]" or "2 × web-visit,
   *     decayed"
   */
  public record Contribution(String rule, BigDecimal points, String detail) {}
}
