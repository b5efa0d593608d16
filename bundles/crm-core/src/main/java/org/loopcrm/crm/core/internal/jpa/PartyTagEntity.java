package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A tag on a party, stored lower-cased; unique per party. */
@Entity
@Table(name = "crm_party_tag")
public class PartyTagEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Column(name = "tag", nullable = false, length = 40)
  String tag;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;
}
