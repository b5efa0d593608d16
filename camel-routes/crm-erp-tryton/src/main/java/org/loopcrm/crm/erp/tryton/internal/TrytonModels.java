package org.loopcrm.crm.erp.tryton.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tryton's generic model calls (search_read, create, write, buttons) on top of the RPC client, with
 * the results as maps. Domains are Tryton's: lists of {@code [field, operator, value]}.
 */
final class TrytonModels {
  private final TrytonRpc rpc;

  TrytonModels(TrytonRpc rpc) {
    this.rpc = rpc;
  }

  TrytonRpc rpc() {
    return rpc;
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> searchRead(
      String model, List<?> domain, int offset, Integer limit, List<?> order, String... fields) {
    return (List<Map<String, Object>>)
        rpc.model(model, "search_read", domain, offset, limit, order, List.of(fields));
  }

  Optional<Map<String, Object>> first(String model, List<?> domain, String... fields) {
    List<Map<String, Object>> rows = searchRead(model, domain, 0, 1, null, fields);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> read(String model, List<Long> ids, String... fields) {
    return (List<Map<String, Object>>) rpc.model(model, "read", ids, List.of(fields));
  }

  Map<String, Object> readOne(String model, long id, String... fields) {
    List<Map<String, Object>> rows = read(model, List.of(id), fields);
    if (rows.isEmpty()) {
      throw new org.loopcrm.crm.api.NotFoundException(model, String.valueOf(id));
    }
    return rows.get(0);
  }

  long create(String model, Map<String, Object> values) {
    List<?> ids = (List<?>) rpc.model(model, "create", List.of(values));
    return ((Number) ids.get(0)).longValue();
  }

  void write(String model, List<Long> ids, Map<String, Object> values) {
    rpc.model(model, "write", ids, values);
  }

  void button(String model, String button, long id) {
    rpc.model(model, button, List.of(id));
  }

  /** A Many2One value as read: Tryton gives the id, or null. */
  static Long id(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d;
    }
    return new BigDecimal(value.toString());
  }

  static String text(Object value) {
    return value == null || Boolean.FALSE.equals(value) ? null : value.toString();
  }

  /** {@code [field, operator, value]}. */
  static List<Object> clause(String field, String operator, Object value) {
    return java.util.Arrays.asList(field, operator, value);
  }

  /** A one-to-many "create these children" value. */
  static List<Object> createChildren(List<Map<String, Object>> children) {
    return List.of(List.of("create", children));
  }
}
