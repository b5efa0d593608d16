package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A pair of parties a reviewer said are not duplicates; partyA sorts before partyB. */
@Entity
@Table(name = "crm_duplicate_dismissal")
public class DuplicateDismissalEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "party_a", nullable = false, length = 36)
  String partyA;

  @Column(name = "party_b", nullable = false, length = 36)
  String partyB;

  @Column(name = "dismissed_by", nullable = false, length = 100)
  String dismissedBy;

  @Column(name = "dismissed_at", nullable = false)
  Instant dismissedAt;
}
