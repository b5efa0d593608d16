package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A team; its members are {@link TeamMemberEntity} rows. */
@Entity
@Table(name = "crm_team")
public class TeamEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "name", nullable = false, length = 100)
  String name;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
