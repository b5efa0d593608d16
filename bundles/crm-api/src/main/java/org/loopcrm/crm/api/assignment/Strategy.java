package org.loopcrm.crm.api.assignment;

/** How a matching rule picks the owner. */
public enum Strategy {
  /** Always the rule's user (unless absent: then the rule passes to the next one). */
  FIXED,
  /** The team's members in turn, by name; absent or full members are skipped. */
  ROUND_ROBIN,
  /** The team member with the fewest open records of the kind, below their capacity. */
  LEAST_LOADED,
  /**
   * Users whose skills include all the rule's skills (in the team if one is given), least loaded.
   */
  SKILLS
}
