package org.loopcrm.crm.routes.internal.erp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Builds the erasure command (version 1) from a parsed {@code party.erased} event, and refuses
 * events that are not well formed. The command carries ids, ERP references and who erased, never
 * personal data.
 */
final class ErasureCommandWriter implements Processor {
  static final String HEADER_COMMAND_ID = "CrmCommandId";
  static final String HEADER_COMMAND_TYPE = "CrmCommandType";
  static final String COMMAND_TYPE = "erase-party";

  @Override
  public void process(Exchange exchange) throws Exception {
    Message message = exchange.getMessage();
    Map<?, ?> event = message.getMandatoryBody(Map.class);
    if (!ErasureCommandRouteBuilder.EVENT_TYPE.equals(event.get("type"))) {
      throw new RejectedMessageException(
          "not a " + ErasureCommandRouteBuilder.EVENT_TYPE + " event: " + event.get("type"));
    }
    String eventId = uuid(event, "eventId");
    if (!(event.get("data") instanceof Map<?, ?> data)) {
      throw new RejectedMessageException("invalid event: data is missing");
    }
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("schemaVersion", 1);
    command.put("commandId", eventId);
    command.put("type", COMMAND_TYPE);
    command.put("subjectId", uuid(data, "subjectId"));
    command.put("subjectType", text(data, "subjectType", false));
    command.put("requestId", uuid(data, "requestId"));
    command.put("erpRefs", texts(data, "erpRefs"));
    command.put("accountIds", texts(data, "accountIds"));
    command.put("erasedAt", text(data, "erasedAt", true));
    command.put("requestedBy", text(data, "by", false));
    message.setHeader(HEADER_COMMAND_ID, eventId);
    message.setHeader(HEADER_COMMAND_TYPE, COMMAND_TYPE);
    message.setBody(write(command));
  }

  private static String uuid(Map<?, ?> m, String field) throws RejectedMessageException {
    String s = text(m, field, true);
    try {
      return UUID.fromString(s).toString();
    } catch (IllegalArgumentException e) {
      throw new RejectedMessageException("invalid event: " + field + " is not a UUID");
    }
  }

  private static String text(Map<?, ?> m, String field, boolean required)
      throws RejectedMessageException {
    Object v = m.get(field);
    if (v == null && !required) {
      return null;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new RejectedMessageException("invalid event: " + field + " must be a string");
    }
    return s;
  }

  private static List<String> texts(Map<?, ?> m, String field) throws RejectedMessageException {
    Object v = m.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new RejectedMessageException("invalid event: " + field + " must be a list");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s)) {
        throw new RejectedMessageException("invalid event: " + field + " must hold strings");
      }
      out.add(s);
    }
    return out;
  }

  /** JSON of a flat map of strings, integers, nulls and lists of strings. */
  static String write(Map<String, Object> command) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> e : command.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, e.getKey());
      b.append(':');
      value(b, e.getValue());
    }
    return b.append('}').toString();
  }

  private static void value(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Integer) {
      b.append(v);
    } else if (v instanceof List<?> list) {
      b.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        value(b, list.get(i));
      }
      b.append(']');
    } else {
      string(b, v.toString());
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
