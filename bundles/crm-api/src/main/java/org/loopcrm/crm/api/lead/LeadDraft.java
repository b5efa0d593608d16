package org.loopcrm.crm.api.lead;

/**
 * A lead as it is captured or edited. Either a last name or a company is required; so is an e-mail
 * or a phone.
 *
 * @param firstName the person's first name
 * @param lastName the person's last name
 * @param company the company's name
 * @param title the person's job title
 * @param email the e-mail address
 * @param phone the phone number
 * @param country ISO 3166 alpha-2 country code
 * @param region region or state
 * @param postcode postal code
 * @param industry industry
 * @param employees the company's employee count
 * @param source where the lead came from (web, import, api, event, ...)
 * @param campaign the campaign it answered
 * @param owner the owner, or null to let the assignment rules choose
 * @param consent the consent given, or null
 */
public record LeadDraft(
    String firstName,
    String lastName,
    String company,
    String title,
    String email,
    String phone,
    String country,
    String region,
    String postcode,
    String industry,
    Integer employees,
    String source,
    String campaign,
    String owner,
    LeadConsent consent) {}
