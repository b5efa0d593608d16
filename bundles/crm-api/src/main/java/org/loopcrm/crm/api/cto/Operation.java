package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;

/**
 * A routing operation of a configured product.
 *
 * @param sequence where it goes in the routing: operations run by ascending sequence (10, 20, ...)
 * @param operation what is done, e.g. "Weld frame"
 * @param workCentre where, by the ERP's work-centre code
 * @param minutes how long per unit
 */
public record Operation(int sequence, String operation, String workCentre, BigDecimal minutes) {}
