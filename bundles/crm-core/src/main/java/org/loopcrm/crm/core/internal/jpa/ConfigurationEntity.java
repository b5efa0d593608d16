package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A saved configuration: written once, never changed. The selections, price breakdown, BOM and
 * routing are JSON; the model revision it belongs to is a foreign key, so a model with saved
 * configurations cannot be deleted.
 */
@Entity
@Table(name = "crm_configuration")
public class ConfigurationEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "model_id", nullable = false, length = 36)
  String modelId;

  @Column(name = "model_code", nullable = false, length = 64)
  String modelCode;

  @Column(name = "revision", nullable = false)
  int revision;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "total", nullable = false, precision = 19, scale = 4)
  BigDecimal total;

  @Column(name = "content", nullable = false)
  String content;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;
}
