package org.loopcrm.crm.api.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an administrator sets on a custom field. On an update, {@code target} and {@code key} must
 * be those of the field (they identify it and never change).
 *
 * @param target the kind of record, required
 * @param key the stable identifier, required, {@code ^[a-z][a-z0-9_]{0,39}$}
 * @param label the name shown to users, required, at most 100 characters
 * @param type the value type, required
 * @param required whether every record written must have a value
 * @param maxLength TEXT only: 1 to 1000, null for 1000
 * @param min NUMBER and INTEGER only: the smallest value, or null
 * @param max NUMBER and INTEGER only: the largest value, or null
 * @param minDate DATE only: the earliest value, or null
 * @param maxDate DATE only: the latest value, or null
 * @param options ENUM only: 1 to 100 distinct options of 1 to 100 characters each
 */
public record CustomFieldDraft(
    FieldTarget target,
    String key,
    String label,
    FieldType type,
    boolean required,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max,
    LocalDate minDate,
    LocalDate maxDate,
    List<String> options) {}
