package org.loopcrm.crm.api.lead;

import java.util.Set;

/**
 * Where a lead stands: NEW → WORKING → QUALIFIED → CONVERTED, or DISQUALIFIED (with a reason) from
 * any but CONVERTED; a DISQUALIFIED lead may be reopened to WORKING.
 */
public enum LeadStatus {
  /** Captured, nobody has worked it yet. */
  NEW,
  /** Someone is working it (the first response). */
  WORKING,
  /** Worth converting. */
  QUALIFIED,
  /** Converted into account, contact (and opportunity); final. */
  CONVERTED,
  /** Not worth pursuing, with a reason. */
  DISQUALIFIED;

  /** Whether a lead in this status may move to {@code to} by a status change (not conversion). */
  public boolean canBecome(LeadStatus to) {
    return switch (this) {
      case NEW -> Set.of(WORKING, QUALIFIED, DISQUALIFIED).contains(to);
      case WORKING -> Set.of(QUALIFIED, DISQUALIFIED).contains(to);
      case QUALIFIED -> Set.of(WORKING, DISQUALIFIED).contains(to);
      case DISQUALIFIED -> to == WORKING;
      case CONVERTED -> false;
    };
  }
}
