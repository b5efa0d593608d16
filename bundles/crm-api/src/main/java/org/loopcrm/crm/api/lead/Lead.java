package org.loopcrm.crm.api.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead.
 *
 * @param id the id
 * @param status where it stands
 * @param disqualifiedReason why it was disqualified, or null
 * @param draft its fields as captured or last edited (owner: the current owner)
 * @param score its current score (see {@link LeadService#score})
 * @param duplicates records it may duplicate, found at capture
 * @param formKey the web form it came through, or null
 * @param accountId the account it was converted into, or null
 * @param contactId the contact it was converted into, or null
 * @param opportunityId the opportunity created at conversion, or null
 * @param convertedAt when it was converted, or null
 * @param version the version to send back with a change
 * @param createdAt when it was captured
 * @param updatedAt when it last changed
 */
public record Lead(
    UUID id,
    LeadStatus status,
    String disqualifiedReason,
    LeadDraft draft,
    int score,
    List<PossibleDuplicate> duplicates,
    String formKey,
    UUID accountId,
    UUID contactId,
    UUID opportunityId,
    Instant convertedAt,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies the list. */
  public Lead {
    duplicates = List.copyOf(duplicates);
  }
}
