package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A typed, dated relationship from one party to another, e.g. person contact-of organization. Ids
 * rather than associations: no lazy proxies, and each side is loaded by the query that needs it.
 */
@Entity
@Table(name = "crm_party_relationship")
public class PartyRelationshipEntity {
  /** The kinds of relationship. */
  enum Type {
    CONTACT_OF,
    SUBSIDIARY_OF,
    PARTNER_OF
  }

  @Id
  @Column(name = "id", length = 36)
  String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "rel_type", nullable = false, length = 30)
  Type type;

  @Column(name = "from_party_id", nullable = false, length = 36)
  String fromPartyId;

  @Column(name = "to_party_id", nullable = false, length = 36)
  String toPartyId;

  @Column(name = "title", length = 100)
  String title;

  @Column(name = "from_date", nullable = false)
  Instant fromDate;

  @Column(name = "thru_date")
  Instant thruDate;
}
