package org.loopcrm.crm.api.access;

import java.util.List;

/**
 * Where a user stands in the CRM's organisation chart. Users themselves live in the JAAS realm; the
 * CRM only keeps their manager and team memberships.
 *
 * @param user the user name
 * @param manager the user they report to, or null
 * @param teams the names of the teams they belong to, sorted
 * @param reports the users who report to them directly, sorted
 */
public record UserProfile(String user, String manager, List<String> teams, List<String> reports) {

  /** Copies the lists. */
  public UserProfile {
    teams = List.copyOf(teams);
    reports = List.copyOf(reports);
  }
}
