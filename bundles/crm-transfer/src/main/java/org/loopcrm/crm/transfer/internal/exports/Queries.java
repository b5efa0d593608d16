package org.loopcrm.crm.transfer.internal.exports;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.loopcrm.crm.api.account.AccountQuery;

/**
 * Pages through a list's query without knowing its filters. The export takes the {@link
 * AccountQuery} as the list takes it and must only change its page size and cursor: copying it
 * through the record's components (rather than its constructor's current parameters) keeps every
 * filter added to the query later, so new filters reach exports without a change here.
 */
final class Queries {
  static final String LIMIT = "limit";
  static final String CURSOR = "cursor";

  private Queries() {}

  /** The same query for the page of {@code limit} records after {@code cursor}. */
  static AccountQuery page(AccountQuery q, int limit, String cursor) {
    RecordComponent[] components = AccountQuery.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      values[i] =
          switch (c.getName()) {
            case LIMIT -> limit;
            case CURSOR -> cursor;
            default -> value(c, q);
          };
    }
    try {
      Constructor<AccountQuery> canonical = AccountQuery.class.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("AccountQuery is not a record as expected", e);
    }
  }

  /** The filter and order of a query as text for the audit, e.g. {@code namePrefix=Ac, sort=…}. */
  static String describe(AccountQuery q) {
    List<String> parts = new ArrayList<>();
    for (RecordComponent c : AccountQuery.class.getRecordComponents()) {
      if (c.getName().equals(LIMIT) || c.getName().equals(CURSOR)) {
        continue;
      }
      Object v = value(c, q);
      // Unset filters say nothing: null, false, or an empty list (e.g. no custom-field filter).
      if (v != null
          && !(v instanceof Boolean b && !b)
          && !(v instanceof java.util.Collection<?> list && list.isEmpty())) {
        parts.add(c.getName() + "=" + v);
      }
    }
    return String.join(", ", parts);
  }

  private static Object value(RecordComponent c, AccountQuery q) {
    try {
      return c.getAccessor().invoke(q);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of AccountQuery", e);
    }
  }
}
