package org.loopcrm.crm.api.party;

import java.util.UUID;

/**
 * Addresses a party the way REST does: an account, or one of its contacts. Details of a contact
 * follow its account's record-level access.
 *
 * @param accountId the account (an organization party)
 * @param contactId a contact (a person party) of that account, or null for the account itself
 */
public record PartyKey(UUID accountId, UUID contactId) {

  /** The account itself. */
  public static PartyKey account(UUID accountId) {
    return new PartyKey(accountId, null);
  }

  /** A contact of the account. */
  public static PartyKey contact(UUID accountId, UUID contactId) {
    return new PartyKey(accountId, contactId);
  }

  /** The id of the party addressed: the contact's if there is one, else the account's. */
  public UUID partyId() {
    return contactId == null ? accountId : contactId;
  }
}
