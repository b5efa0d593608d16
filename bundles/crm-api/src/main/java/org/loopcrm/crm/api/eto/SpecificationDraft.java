package org.loopcrm.crm.api.eto;

import java.math.BigDecimal;

/**
 * What the customer asks to be engineered.
 *
 * @param productCode the ERP product to produce, or null while not known yet
 * @param quantity how many, greater than zero
 * @param specification the requirements as text, or null
 */
public record SpecificationDraft(String productCode, BigDecimal quantity, String specification) {}
