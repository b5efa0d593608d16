package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.loopcrm.crm.api.ConflictException;

/**
 * The journal of one merge. Every row a merge changes goes through it, on the transaction's own
 * connection: {@link #set} changes one column of one row from a known value to another, {@link
 * #delete} removes a row after keeping its full image. Undo replays the journal backwards, each
 * step only if the row still holds what the merge left there, so a merge and its undo touch exactly
 * the same rows, whatever tables later issues add.
 *
 * <p>Table and column names come from the code, never from input. Values are kept typed (text,
 * whole numbers, decimals, flags, dates and local date-times), so a dropped row is inserted again
 * exactly on H2 and PostgreSQL alike.
 */
final class MergeJournal {
  private final Connection c;
  private final List<Map<String, Object>> ops = new ArrayList<>();
  private final Map<String, Integer> counts = new TreeMap<>();

  MergeJournal(Connection c) {
    this.c = c;
  }

  /** The operations so far, as JSON-ready maps, in the order they were done. */
  List<Map<String, Object>> ops() {
    return ops;
  }

  /** Per table, how many rows were moved, changed or dropped. */
  Map<String, Integer> counts() {
    return counts;
  }

  /** Rows of a query, column names lower-cased, values as {@link #value} reads them. */
  List<Map<String, Object>> rows(String sql, Object... params) {
    return rows(c, sql, params);
  }

  /** Sets one column of one row from {@code from} to {@code to}; the row must hold {@code from}. */
  void set(String table, Map<String, Object> key, String column, Object from, Object to) {
    if (equal(from, to)) {
      return;
    }
    int n = update(c, table, key, column, from, to);
    if (n != 1) {
      throw new ConflictException(
          describe(table, key) + " changed during the merge: read the parties again and repeat");
    }
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("op", "set");
    op.put("table", table);
    op.put("key", encode(key));
    op.put("column", column);
    op.put("from", encode(from));
    op.put("to", encode(to));
    ops.add(op);
    counts.merge(table, 1, Integer::sum);
  }

  /** Deletes one row, keeping its image so undo can insert it again. */
  void delete(String table, Map<String, Object> key) {
    List<Map<String, Object>> found = rows("select * from " + table + where(key), key.values());
    if (found.size() != 1) {
      throw new ConflictException(
          describe(table, key) + " changed during the merge: read the parties again and repeat");
    }
    execute(c, "delete from " + table + where(key), new ArrayList<>(key.values()));
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("op", "delete");
    op.put("table", table);
    op.put("key", encode(key));
    op.put("row", encode(found.get(0)));
    ops.add(op);
    counts.merge(table, 1, Integer::sum);
  }

  /**
   * Undoes the operations backwards.
   *
   * @throws ConflictException naming the first row that changed since the merge in a way undo
   *     cannot reconcile
   */
  @SuppressWarnings("unchecked")
  static void undo(Connection c, List<Object> ops) {
    for (int i = ops.size() - 1; i >= 0; i--) {
      Map<String, Object> op = (Map<String, Object>) ops.get(i);
      String table = (String) op.get("table");
      Map<String, Object> key = decode((Map<String, Object>) op.get("key"));
      if ("set".equals(op.get("op"))) {
        String column = (String) op.get("column");
        Object from = decode(op.get("from"));
        Object to = decode(op.get("to"));
        if (update(c, table, key, column, to, from) != 1) {
          throw new ConflictException(
              "undo cannot reconcile "
                  + describe(table, key)
                  + ": its "
                  + column
                  + " is no longer "
                  + (to == null ? "empty" : to)
                  + " as the merge left it (changed or removed since)");
        }
      } else {
        Map<String, Object> row = decode((Map<String, Object>) op.get("row"));
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
          if (cols.length() > 0) {
            cols.append(", ");
            marks.append(", ");
          }
          cols.append(e.getKey());
          if (e.getValue() == null) {
            marks.append("null");
          } else {
            marks.append('?');
            params.add(e.getValue());
          }
        }
        try {
          executeRaw(c, "insert into " + table + " (" + cols + ") values (" + marks + ")", params);
        } catch (SQLException e) {
          throw new ConflictException(
              "undo cannot put back "
                  + describe(table, key)
                  + ", which the merge dropped as a duplicate: "
                  + (isUnique(e)
                      ? "an equal row exists again"
                      : "the database refused it (" + e.getSQLState() + ")"));
        }
      }
    }
  }

  // --- SQL

  static List<Map<String, Object>> rows(Connection c, String sql, Object... params) {
    List<Object> list = new ArrayList<>();
    for (Object p : params) {
      if (p instanceof java.util.Collection<?> col) {
        list.addAll(col);
      } else {
        list.add(p);
      }
    }
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, list);
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(
                md.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, md.getColumnType(i)));
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("merge query failed: " + sql, e);
    }
  }

  static int execute(Connection c, String sql, List<Object> params) {
    try {
      return executeRaw(c, sql, params);
    } catch (SQLException e) {
      if (isUnique(e)) {
        throw new ConflictException("a record with the same unique key exists already");
      }
      throw new IllegalStateException("merge statement failed: " + sql, e);
    }
  }

  private static int executeRaw(Connection c, String sql, List<Object> params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    }
  }

  private static int update(
      Connection c, String table, Map<String, Object> key, String column, Object from, Object to) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("update ").append(table).append(" set ").append(column);
    if (to == null) {
      sql.append(" = null");
    } else {
      sql.append(" = ?");
      params.add(to);
    }
    sql.append(where(key));
    params.addAll(key.values());
    if (from == null) {
      sql.append(" and ").append(column).append(" is null");
    } else {
      sql.append(" and ").append(column).append(" = ?");
      params.add(from);
    }
    return execute(c, sql.toString(), params);
  }

  private static String where(Map<String, Object> key) {
    StringBuilder b = new StringBuilder(" where ");
    boolean first = true;
    for (String k : key.keySet()) {
      if (!first) {
        b.append(" and ");
      }
      b.append(k).append(" = ?");
      first = false;
    }
    return b.toString();
  }

  private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
  }

  /** A column's value as a plain Java value: the types {@link #encode} knows. */
  private static Object value(ResultSet rs, int i, int type) throws SQLException {
    Object v =
        switch (type) {
          case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
              rs.getObject(i, LocalDateTime.class);
          case Types.DATE -> rs.getObject(i, LocalDate.class);
          case Types.BIGINT -> rs.getLong(i);
          case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getInt(i);
          case Types.NUMERIC, Types.DECIMAL -> rs.getBigDecimal(i);
          case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
          default -> rs.getString(i);
        };
    return rs.wasNull() ? null : v;
  }

  private static boolean isUnique(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return java.util.Objects.equals(a, b);
  }

  static String describe(String table, Map<String, Object> key) {
    return table + " row " + key.values().stream().map(String::valueOf).toList();
  }

  // --- typed JSON values

  private static Map<String, Object> encode(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((k, v) -> out.put(k, encode(v)));
    return out;
  }

  private static Object encode(Object v) {
    if (v == null) {
      return null;
    }
    String t;
    if (v instanceof String) {
      t = "s";
    } else if (v instanceof Long) {
      t = "l";
    } else if (v instanceof Integer) {
      t = "i";
    } else if (v instanceof BigDecimal) {
      t = "d";
    } else if (v instanceof Boolean) {
      t = "b";
    } else if (v instanceof LocalDateTime) {
      t = "ts";
    } else if (v instanceof LocalDate) {
      t = "dt";
    } else {
      throw new IllegalArgumentException("no journal form for a " + v.getClass().getName());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t", t);
    m.put("v", v.toString());
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> decode(Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    row.forEach((k, v) -> out.put(k, decode(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object decode(Object node) {
    if (node == null) {
      return null;
    }
    Map<String, Object> m = (Map<String, Object>) node;
    String v = (String) m.get("v");
    return switch ((String) m.get("t")) {
      case "s" -> v;
      case "l" -> Long.valueOf(v);
      case "i" -> Integer.valueOf(v);
      case "d" -> new BigDecimal(v);
      case "b" -> Boolean.valueOf(v);
      case "ts" -> LocalDateTime.parse(v);
      case "dt" -> LocalDate.parse(v);
      default -> throw new IllegalArgumentException("unknown journal type " + m.get("t"));
    };
  }
}
