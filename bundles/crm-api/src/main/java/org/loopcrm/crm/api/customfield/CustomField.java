package org.loopcrm.crm.api.customfield;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The definition of a custom field.
 *
 * @param target the kind of record the field is on
 * @param key the stable identifier, unique per target, {@code ^[a-z][a-z0-9_]{0,39}$}; values are
 *     named {@code customFields.<key>} in errors and audit entries
 * @param label the name shown to users
 * @param type the type of its values; fixed while values exist
 * @param required whether every record written must have a value
 * @param maxLength the maximum length of a TEXT value, or null
 * @param min the smallest NUMBER or INTEGER value, or null
 * @param max the largest NUMBER or INTEGER value, or null
 * @param minDate the earliest DATE value, or null
 * @param maxDate the latest DATE value, or null
 * @param options the options of an ENUM field, in display order; empty for other types
 * @param version the optimistic-locking version
 * @param createdAt when the field was defined
 * @param updatedAt when the definition last changed
 */
public record CustomField(
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
    List<String> options,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
