package org.loopcrm.crm.api.party;

/**
 * A structured postal address.
 *
 * @param street street and number, lines separated by a line feed, required, at most 200 characters
 * @param city the city, required, at most 100 characters
 * @param postalCode the postal code, at most 20 characters
 * @param region state, province or county, at most 100 characters
 * @param country ISO 3166-1 alpha-2 code, required, stored upper-case ({@code DE})
 */
public record PostalAddress(
    String street, String city, String postalCode, String region, String country) {}
