package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A sales pipeline; its stages are one JSON array (see SalesJson). */
@Entity
@Table(name = "crm_pipeline")
public class PipelineEntity {
  @Id
  @Column(name = "code", length = 40)
  String code;

  @Column(name = "name", nullable = false, length = 200)
  String name;

  @Column(name = "description", length = 2000)
  String description;

  @Column(name = "default_pipeline", nullable = false)
  boolean defaultPipeline;

  @Column(name = "active", nullable = false)
  boolean active;

  /** A CLOB/TEXT column read as a string (no {@code @Lob}: it would be an OID on PostgreSQL). */
  @Column(name = "stages", nullable = false)
  String stages;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  String updatedBy;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
