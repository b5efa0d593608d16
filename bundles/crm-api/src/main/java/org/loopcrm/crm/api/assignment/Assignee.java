package org.loopcrm.crm.api.assignment;

import java.util.List;
import java.util.Set;

/**
 * What the rules know of a user.
 *
 * @param user the user name
 * @param capacity the most open records of one kind the user may hold, or null for no limit
 * @param skills the user's skills, sorted
 * @param absences the user's absences that have not ended, by start
 */
public record Assignee(String user, Integer capacity, Set<String> skills, List<Absence> absences) {

  /** Copies the collections. */
  public Assignee {
    skills = Set.copyOf(skills);
    absences = List.copyOf(absences);
  }
}
