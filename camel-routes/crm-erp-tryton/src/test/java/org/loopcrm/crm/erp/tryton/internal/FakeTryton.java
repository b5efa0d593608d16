package org.loopcrm.crm.erp.tryton.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Tryton that answers model calls from handlers the test gives, by method ({@code
 * model.sale.sale.read}), and records the calls it got. Logging in always succeeds.
 */
final class FakeTryton implements HttpTransport {
  final List<String> calls = new ArrayList<>();
  private final Map<String, Function<JsonNode, Object>> handlers = new HashMap<>();

  FakeTryton on(String method, Function<JsonNode, Object> handler) {
    handlers.put(method, handler);
    return this;
  }

  long count(String method) {
    return calls.stream().filter(method::equals).count();
  }

  TrytonModels models() {
    return new TrytonModels(new TrytonRpc(this, "admin", "secret"));
  }

  @Override
  public Response post(byte[] body, String authorization) throws java.io.IOException {
    JsonNode request = TrytonCodec.parse(body);
    String method = request.get("method").asText();
    Object result;
    if ("common.db.login".equals(method)) {
      result = List.of(1L, "session");
    } else if ("model.res.user.get_preferences".equals(method)) {
      result = Map.of("company", 1L, "language", "en");
    } else {
      calls.add(method);
      Function<JsonNode, Object> handler = handlers.get(method);
      if (handler == null) {
        throw new AssertionError("the fake Tryton was not told how to answer " + method);
      }
      result = handler.apply(request.get("params"));
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("id", request.get("id").asLong());
    answer.set("result", TrytonCodec.encode(result));
    return new Response(200, answer.toString().getBytes(StandardCharsets.UTF_8));
  }
}
