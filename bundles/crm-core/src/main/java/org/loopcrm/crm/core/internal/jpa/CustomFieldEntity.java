package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;

/** The definition of a custom field; unique by target and key. */
@Entity
@Table(name = "crm_custom_field")
public class CustomFieldEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "target", nullable = false, length = 10)
  FieldTarget target;

  @Column(name = "field_key", nullable = false, length = 40)
  String key;

  @Column(name = "label", nullable = false, length = 100)
  String label;

  @Enumerated(EnumType.STRING)
  @Column(name = "field_type", nullable = false, length = 10)
  FieldType type;

  @Column(name = "required", nullable = false)
  boolean required;

  @Column(name = "max_length")
  Integer maxLength;

  @Column(name = "min_value", precision = 30, scale = 10)
  BigDecimal minValue;

  @Column(name = "max_value", precision = 30, scale = 10)
  BigDecimal maxValue;

  @Column(name = "min_date")
  LocalDate minDate;

  @Column(name = "max_date")
  LocalDate maxDate;

  /** ENUM options, one per line, in display order; null for other types. */
  @Column(name = "options", length = 10200)
  String options;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
