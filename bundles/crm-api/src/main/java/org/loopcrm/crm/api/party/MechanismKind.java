package org.loopcrm.crm.api.party;

/** How a party is reached. */
public enum MechanismKind {
  /** An e-mail address; the domain is stored lower-cased. */
  EMAIL,
  /** A phone number, stored in E.164 ({@code +4930123456}). */
  PHONE,
  /** A postal address. */
  POSTAL,
  /** A web address ({@code http} or {@code https}). */
  WEB,
  /** A handle on a social network. */
  SOCIAL
}
