package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * One custom field value of one party, in the column of the field's type (decisions.md §16): an EAV
 * row whose typed columns are indexed with the field id, so a filter is an index range.
 */
@Entity
@Table(name = "crm_custom_value")
public class CustomValueEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "field_id", nullable = false, length = 36)
  String fieldId;

  @Column(name = "record_id", nullable = false, length = 36)
  String recordId;

  @Column(name = "text_value", length = 1000)
  String textValue;

  @Column(name = "number_value", precision = 30, scale = 10)
  BigDecimal numberValue;

  @Column(name = "integer_value")
  Long integerValue;

  @Column(name = "date_value")
  LocalDate dateValue;

  @Column(name = "boolean_value")
  Boolean booleanValue;
}
