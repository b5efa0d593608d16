package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;

/**
 * An operation of a configured product's routing; a routing lists them by sequence.
 *
 * @param sequence the sequence of the rule or option operation it comes from
 * @param operation what is done
 * @param workCentre where
 * @param minutes how long per unit
 */
public record RoutingStep(int sequence, String operation, String workCentre, BigDecimal minutes) {}
