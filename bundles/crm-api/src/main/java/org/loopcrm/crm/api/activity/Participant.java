package org.loopcrm.crm.api.activity;

import java.util.UUID;

/**
 * Who took part in an activity: a contact of the activity's account, or a CRM user; exactly one of
 * the two is set.
 *
 * @param contactId a contact of the activity's account, or null
 * @param user a user name, or null
 */
public record Participant(UUID contactId, String user) {

  /** A contact as participant. */
  public static Participant contact(UUID contactId) {
    return new Participant(contactId, null);
  }

  /** A user as participant. */
  public static Participant user(String user) {
    return new Participant(null, user);
  }
}
