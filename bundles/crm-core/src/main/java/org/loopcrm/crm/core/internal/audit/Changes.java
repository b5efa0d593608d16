package org.loopcrm.crm.core.internal.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.loopcrm.crm.api.audit.FieldChange;

/**
 * The field-level difference between two images of a record. An image is an ordered map from the
 * API's field names to values; a missing image (null) is a record that does not exist yet (create)
 * or any more (delete). The same images can serve other consumers of before/after state.
 */
public final class Changes {
  private Changes() {}

  /**
   * The fields whose text differs between the images, in the order of {@code before} and then of
   * the fields only {@code after} has. Fields that are null on both sides never appear, so a create
   * lists the fields it set and a delete the fields that had a value.
   */
  public static List<FieldChange> between(Map<String, ?> before, Map<String, ?> after) {
    Map<String, ?> b = before == null ? Map.of() : before;
    Map<String, ?> a = after == null ? Map.of() : after;
    Set<String> fields = new LinkedHashSet<>(b.keySet());
    fields.addAll(a.keySet());
    List<FieldChange> out = new ArrayList<>();
    for (String field : fields) {
      String old = text(b.get(field));
      String now = text(a.get(field));
      if (!Objects.equals(old, now)) {
        out.add(new FieldChange(field, old, now));
      }
    }
    return out;
  }

  /** A value's audit text: enums by name, decimals without exponent or trailing zeros. */
  public static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
