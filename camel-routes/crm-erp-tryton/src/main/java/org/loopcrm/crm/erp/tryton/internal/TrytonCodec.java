package org.loopcrm.crm.erp.tryton.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tryton's JSON-RPC encoding: plain JSON, except that decimals, dates, datetimes and durations are
 * objects tagged with {@code __class__}. Tryton's datetimes are naive and in UTC (that is how
 * trytond stores {@code create_date}/{@code write_date}); they map to {@link Instant}.
 *
 * <p>Java values in: {@code null}, String, Boolean, Integer/Long/Double, BigDecimal, LocalDate,
 * Instant, Duration, List and Map. Values out: the same types (numbers as Long or Double, as JSON
 * has them).
 */
final class TrytonCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrytonCodec() {}

  static byte[] request(long id, String method, List<Object> params) {
    ObjectNode body = NODES.objectNode();
    body.put("id", id);
    body.put("method", method);
    body.set("params", encode(params));
    try {
      return JSON.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON-RPC request", e);
    }
  }

  static JsonNode parse(byte[] body) throws java.io.IOException {
    return JSON.readTree(body);
  }

  static JsonNode encode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof String s) {
      return NODES.textNode(s);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof BigDecimal d) {
      ObjectNode o = NODES.objectNode();
      o.put("__class__", "Decimal");
      o.put("decimal", d.toPlainString());
      return o;
    } else if (value instanceof LocalDate d) {
      ObjectNode o = NODES.objectNode();
      o.put("__class__", "date");
      o.put("year", d.getYear());
      o.put("month", d.getMonthValue());
      o.put("day", d.getDayOfMonth());
      return o;
    } else if (value instanceof Instant t) {
      LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
      ObjectNode o = NODES.objectNode();
      o.put("__class__", "datetime");
      o.put("year", d.getYear());
      o.put("month", d.getMonthValue());
      o.put("day", d.getDayOfMonth());
      o.put("hour", d.getHour());
      o.put("minute", d.getMinute());
      o.put("second", d.getSecond());
      o.put("microsecond", d.getNano() / 1000);
      return o;
    } else if (value instanceof Duration d) {
      ObjectNode o = NODES.objectNode();
      o.put("__class__", "timedelta");
      o.put("seconds", d.toSeconds());
      return o;
    } else if (value instanceof List<?> list) {
      ArrayNode a = NODES.arrayNode();
      list.forEach(v -> a.add(encode(v)));
      return a;
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode o = NODES.objectNode();
      map.forEach((k, v) -> o.set(String.valueOf(k), encode(v)));
      return o;
    }
    throw new IllegalArgumentException("Tryton has no encoding for " + value.getClass());
  }

  static Object decode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    } else if (node.isTextual()) {
      return node.textValue();
    } else if (node.isBoolean()) {
      return node.booleanValue();
    } else if (node.isIntegralNumber()) {
      return node.longValue();
    } else if (node.isNumber()) {
      return node.doubleValue();
    } else if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(n -> list.add(decode(n)));
      return list;
    }
    JsonNode type = node.get("__class__");
    if (type != null) {
      switch (type.asText()) {
        case "Decimal":
          return new BigDecimal(node.get("decimal").asText());
        case "date":
          return LocalDate.of(
              node.get("year").asInt(), node.get("month").asInt(), node.get("day").asInt());
        case "datetime":
          return LocalDateTime.of(
                  node.get("year").asInt(),
                  node.get("month").asInt(),
                  node.get("day").asInt(),
                  node.path("hour").asInt(),
                  node.path("minute").asInt(),
                  node.path("second").asInt(),
                  node.path("microsecond").asInt() * 1000)
              .toInstant(ZoneOffset.UTC);
        case "timedelta":
          return Duration.ofNanos(Math.round(node.get("seconds").asDouble() * 1e9));
        case "bytes":
          return java.util.Base64.getDecoder().decode(node.get("base64").asText());
        default:
          throw new IllegalArgumentException("unknown Tryton type " + type.asText());
      }
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), decode(e.getValue()));
    }
    return map;
  }
}
