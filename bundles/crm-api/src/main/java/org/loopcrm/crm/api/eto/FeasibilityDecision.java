package org.loopcrm.crm.api.eto;

import java.time.Instant;

/**
 * Engineering's decision on feasibility.
 *
 * @param verdict the verdict
 * @param note why, or what has to change; required unless FEASIBLE
 * @param decidedBy who decided
 * @param decidedAt when
 */
public record FeasibilityDecision(
    Feasibility verdict, String note, String decidedBy, Instant decidedAt) {}
