package org.loopcrm.crm.api.quote;

import java.math.BigDecimal;

/**
 * A new quantity on order for one line of an accepted quote.
 *
 * @param position the line's position, 1, 2, ...
 * @param quantity the new quantity on order, 0 or more
 */
public record LineQuantity(int position, BigDecimal quantity) {}
