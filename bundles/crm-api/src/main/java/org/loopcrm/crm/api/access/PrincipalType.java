package org.loopcrm.crm.api.access;

/** Whom a share is given to. */
public enum PrincipalType {
  /** One user, by user name. */
  USER,
  /** Every member of a team, by team name. */
  TEAM
}
