package org.loopcrm.crm.api.relationship;

import java.time.Instant;
import java.util.UUID;

/**
 * A relationship between two parties, active from {@code fromDate} until {@code thruDate}
 * (exclusive; null while it lasts).
 *
 * @param id the relationship's id
 * @param type what the from party is to the to party
 * @param fromPartyId e.g. the subsidiary, the contact person
 * @param toPartyId e.g. the parent, the organisation
 * @param title the job title of a contact, or a free label
 * @param fromDate when it began
 * @param thruDate when it ended, or null
 */
public record Relationship(
    UUID id,
    RelationshipType type,
    UUID fromPartyId,
    UUID toPartyId,
    String title,
    Instant fromDate,
    Instant thruDate) {

  /** Whether it has not ended. */
  public boolean active() {
    return thruDate == null;
  }
}
