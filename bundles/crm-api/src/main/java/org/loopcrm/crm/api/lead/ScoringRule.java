package org.loopcrm.crm.api.lead;

import java.util.List;
import java.util.UUID;

/**
 * A lead-scoring rule: points for a field condition ({@code field} with {@code operator} over
 * {@code values}: IN, NOT_IN, PREFIX, RANGE as in assignment conditions), or points for each lead
 * activity of a kind, halved every {@code halfLifeDays} after the activity.
 *
 * @param id the id, null in a draft
 * @param name a unique name
 * @param field the lead field tested (FIELD rules), or null
 * @param operator IN, NOT_IN, PREFIX or RANGE (FIELD rules), or null
 * @param values the operands (FIELD rules)
 * @param activityKind the kind of activity counted (ACTIVITY rules), or null
 * @param points the points, negative allowed
 * @param halfLifeDays the decay of activity points, or null for none
 * @param active whether the rule counts
 * @param version the version to send back with a change
 */
public record ScoringRule(
    UUID id,
    String name,
    String field,
    String operator,
    List<String> values,
    String activityKind,
    int points,
    Integer halfLifeDays,
    boolean active,
    long version) {

  /** Copies the values. */
  public ScoringRule {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
