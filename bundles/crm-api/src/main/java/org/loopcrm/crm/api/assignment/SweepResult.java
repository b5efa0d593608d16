package org.loopcrm.crm.api.assignment;

import java.util.List;

/**
 * What a sweep did.
 *
 * @param examined open assigned records whose owner was absent or whose response was overdue
 * @param reassigned the new assignments made
 */
public record SweepResult(int examined, List<Assignment> reassigned) {

  /** Copies the list. */
  public SweepResult {
    reassigned = List.copyOf(reassigned);
  }
}
