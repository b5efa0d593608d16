package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A party's id in another system; (system, external id) is unique. */
@Entity
@Table(name = "crm_external_ref")
public class ExternalRefEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Column(name = "ext_system", nullable = false, length = 40)
  String system;

  @Column(name = "external_id", nullable = false, length = 100)
  String externalId;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;
}
