package org.loopcrm.crm.api.erp.port;

/**
 * A postal address as exchanged with an ERP.
 *
 * @param street street and number, possibly several lines
 * @param postalCode the postal code, or null
 * @param city the city, or null
 * @param country ISO 3166-1 alpha-2 code, or null
 * @param invoice whether invoices go there
 * @param delivery whether goods go there
 */
public record PostalAddress(
    String street,
    String postalCode,
    String city,
    String country,
    boolean invoice,
    boolean delivery) {}
