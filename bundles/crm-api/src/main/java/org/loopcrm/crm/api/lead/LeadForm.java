package org.loopcrm.crm.api.lead;

import java.util.List;
import java.util.UUID;

/**
 * A web-to-lead form: what the public endpoint {@code /public/leads/{key}} accepts for it.
 *
 * @param id the id
 * @param key the public key in the form's URL
 * @param name a name for people
 * @param enabled whether submissions are taken
 * @param allowedFields the lead fields the form may send (firstName, lastName, company, ...)
 * @param consentPurpose the consent the form asks for (a MechanismPurpose name), or null for none
 * @param consentText the text shown next to the consent box
 * @param consentTextVersion the version of that text, stored with each consent
 * @param redirectUrl where browsers are sent after a submission (303), or null for 201
 * @param ratePerMinute submissions one IP address may make per minute
 * @param honeypotField a field humans leave empty; a submission that fills it is dropped silently
 * @param source the source of its leads
 * @param campaign the campaign of its leads, or null
 * @param version the version to send back with a change
 */
public record LeadForm(
    UUID id,
    String key,
    String name,
    boolean enabled,
    List<String> allowedFields,
    String consentPurpose,
    String consentText,
    String consentTextVersion,
    String redirectUrl,
    int ratePerMinute,
    String honeypotField,
    String source,
    String campaign,
    long version) {

  /** Copies the list. */
  public LeadForm {
    allowedFields = List.copyOf(allowedFields);
  }
}
