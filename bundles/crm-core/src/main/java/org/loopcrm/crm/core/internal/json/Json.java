package org.loopcrm.crm.core.internal.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes flat and nested maps (and lists) of strings, numbers, booleans, instants and nulls as
 * JSON.
 */
public final class Json {
  private Json() {}

  /** The JSON text of the map, keys in the map's iteration order. */
  public static String write(Map<String, ?> object) {
    StringBuilder b = new StringBuilder(128);
    writeObject(b, object);
    return b.toString();
  }

  private static void writeObject(StringBuilder b, Map<String, ?> object) {
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, ?> e : object.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      writeString(b, e.getKey());
      b.append(':');
      writeValue(b, e.getValue());
    }
    b.append('}');
  }

  @SuppressWarnings("unchecked")
  private static void writeValue(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof BigDecimal d) {
      b.append(d.toPlainString());
    } else if (v instanceof Map<?, ?> m) {
      writeObject(b, (Map<String, ?>) m);
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        writeValue(b, l.get(i));
      }
      b.append(']');
    } else if (v instanceof String
        || v instanceof Instant
        || v instanceof UUID
        || v instanceof Enum) {
      writeString(b, v.toString());
    } else {
      throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }
  }

  private static void writeString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
