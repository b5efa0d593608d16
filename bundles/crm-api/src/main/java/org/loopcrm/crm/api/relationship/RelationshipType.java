package org.loopcrm.crm.api.relationship;

/** The kinds of relationship, read from the {@code from} party to the {@code to} party. */
public enum RelationshipType {
  /** A person is a contact of an organisation (managed through the account's contacts). */
  CONTACT_OF,
  /** An organisation is a subsidiary of another: its parent in the account hierarchy. */
  SUBSIDIARY_OF,
  /** An organisation is a partner of another. */
  PARTNER_OF
}
