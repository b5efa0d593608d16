package org.loopcrm.crm.api.activity;

/**
 * What kind of interaction an activity records. Only {@link #TASK} has a due date, a reminder and a
 * status. Later versions may add kinds, so a consumer that switches over it needs a default branch.
 */
public enum ActivityKind {
  /** A phone or video call. */
  CALL,
  /** An e-mail. */
  EMAIL,
  /** A meeting, with a start and optionally an end. */
  MEETING,
  /** A chat conversation. */
  CHAT,
  /** A message on a social network. */
  SOCIAL,
  /** A visit of the company's web site. */
  WEB_VISIT,
  /** A letter on paper. */
  LETTER,
  /** A note, no communication. */
  NOTE,
  /** Something to do, with an optional due date and reminder. */
  TASK;

  /** Whether a direction applies to this kind (not to notes and tasks). */
  public boolean hasDirection() {
    return this != NOTE && this != TASK;
  }
}
