package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.cto.ModelStatus;

/**
 * One revision of a product model; (code, revision) is unique. The definition is JSON; code,
 * revision and status are columns so that lists and look-ups stay in the database.
 */
@Entity
@Table(name = "crm_product_model")
public class ProductModelEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "code", nullable = false, length = 64)
  String code;

  @Column(name = "revision", nullable = false)
  int revision;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  ModelStatus status;

  @Column(name = "name", nullable = false, length = 200)
  String name;

  /** A CLOB/TEXT column read as a string (no {@code @Lob}: it would be an OID on PostgreSQL). */
  @Column(name = "definition", nullable = false)
  String definition;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
