package org.loopcrm.crm.api.lead;

import java.util.List;

/**
 * A web form as it is created or replaced; see {@link LeadForm} for the fields. A null key gets a
 * random one.
 */
public record LeadFormDraft(
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
    String campaign) {

  /** Copies the list. */
  public LeadFormDraft {
    allowedFields = allowedFields == null ? List.of() : List.copyOf(allowedFields);
  }
}
