package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.DiscriminatorColumn;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Inheritance;
import javax.persistence.InheritanceType;
import javax.persistence.Table;
import javax.persistence.Version;

/** A party: an organization or a person. Holds what every party has, including the version. */
@Entity
@Table(name = "crm_party")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "party_type", length = 20)
public abstract class PartyEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  /** The party this one was merged into, or null while it is a record of its own (since 0013). */
  @Column(name = "merged_into", length = 36)
  String mergedInto;
}
