package org.loopcrm.crm.api.quote;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the ERP said about a line's availability when the quote was checked.
 *
 * @param onHand the quantity in stock then
 * @param forecast the quantity expected at the delivery date
 * @param available whether the quoted quantity can be promised
 * @param unit the ERP's unit
 * @param asOf when the ERP answered
 * @param problem why no answer came (the ERP had no such product, or did not answer), else null
 */
public record LineAvailability(
    BigDecimal onHand,
    BigDecimal forecast,
    boolean available,
    String unit,
    Instant asOf,
    String problem) {}
