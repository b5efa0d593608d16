package org.loopcrm.crm.erp.tryton.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;

/**
 * The client's protocol logic — login, context, re-login on 401, error mapping — over a scripted
 * HTTP exchange. The same client against a real Tryton is {@code TrytonErpTest} (erp profile).
 */
class TrytonRpcTest {

  /** Answers each request from a script and records what was sent. */
  private static final class Script implements HttpTransport {
    final List<String> methods = new ArrayList<>();
    final List<String> authorizations = new ArrayList<>();
    final List<JsonNode> requests = new ArrayList<>();
    final List<Object> answers = new ArrayList<>();

    Script then(int status, String json) {
      answers.add(new Response(status, json.getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    Script thenFail(IOException e) {
      answers.add(e);
      return this;
    }

    @Override
    public Response post(byte[] body, String authorization) throws IOException {
      JsonNode request = TrytonCodec.parse(body);
      requests.add(request);
      methods.add(request.get("method").asText());
      authorizations.add(authorization);
      Object next = answers.remove(0);
      if (next instanceof IOException e) {
        throw e;
      }
      return (Response) next;
    }
  }

  private static Script loggedIn(Script s, int session) {
    return s.then(200, "{\"id\":1,\"result\":[1,\"s" + session + "\"]}")
        .then(200, "{\"id\":2,\"result\":{\"company\":1,\"language\":\"en\"}}");
  }

  @Test
  void logsInOnceAndSendsTheContextLast() {
    Script script =
        loggedIn(new Script(), 1).then(200, "{\"result\":[]}").then(200, "{\"result\":[]}");
    TrytonRpc rpc = new TrytonRpc(script, "admin", "secret");

    rpc.model("party.party", "search", List.of(), 0, 10, null);
    rpc.model("party.party", "search", List.of(), 0, 10, null);

    assertThat(script.methods)
        .containsExactly(
            "common.db.login",
            "model.res.user.get_preferences",
            "model.party.party.search",
            "model.party.party.search");
    assertThat(script.requests.get(0).get("params").get(1).get("password").asText())
        .isEqualTo("secret");
    JsonNode params = script.requests.get(2).get("params");
    assertThat(params.get(params.size() - 1).get("company").asInt()).isEqualTo(1);
    String expected =
        "Session "
            + java.util.Base64.getEncoder()
                .encodeToString("admin:1:s1".getBytes(StandardCharsets.UTF_8));
    assertThat(script.authorizations.get(2)).isEqualTo(expected);
  }

  @Test
  void a401LogsInAgainAndRepeatsTheCallOnce() {
    Script script =
        loggedIn(loggedIn(new Script(), 1).then(401, ""), 2).then(200, "{\"result\":[5]}");
    TrytonRpc rpc = new TrytonRpc(script, "admin", "secret");

    Object result = rpc.model("party.party", "search", List.of(), 0, 10, null);

    assertThat(result).isEqualTo(List.of(5L));
    assertThat(script.methods.subList(2, script.methods.size()))
        .containsExactly(
            "model.party.party.search",
            "common.db.login",
            "model.res.user.get_preferences",
            "model.party.party.search");
    assertThat(script.authorizations.get(5)).isNotEqualTo(script.authorizations.get(2));
  }

  @Test
  void aUserErrorIsRejectedWithTrytonsOwnMessage() {
    Script script =
        loggedIn(new Script(), 1)
            .then(
                200,
                "{\"error\":[\"UserError\",[\"The product is inactive.\",\"Activate it.\",null]]}");
    TrytonRpc rpc = new TrytonRpc(script, "admin", "secret");

    assertThatThrownBy(() -> rpc.model("sale.sale", "confirm", List.of(1L)))
        .isInstanceOf(ErpRejectedException.class)
        .hasMessage("UserError: The product is inactive. (Activate it.)");
  }

  @Test
  void noAnswerOrAServerErrorIsUnavailableSoTheCallerMayRetry() {
    Script refused = new Script().thenFail(new ConnectException("Connection refused"));
    assertThatThrownBy(() -> new TrytonRpc(refused, "admin", "x").context())
        .isInstanceOf(ErpUnavailableException.class)
        .hasMessageContaining("Connection refused");

    Script down = loggedIn(new Script(), 1).then(503, "<html>maintenance</html>");
    TrytonRpc rpc = new TrytonRpc(down, "admin", "x");
    assertThatThrownBy(() -> rpc.model("party.party", "read", List.of(1L), List.of("name")))
        .isInstanceOf(ErpUnavailableException.class)
        .hasMessageContaining("503");
  }

  @Test
  void aWrongPasswordIsRejectedNotRetriedForEver() {
    Script script = new Script().then(200, "{\"id\":1,\"result\":false}");

    assertThatThrownBy(() -> new TrytonRpc(script, "admin", "wrong").context())
        .isInstanceOf(ErpRejectedException.class)
        .hasMessageContaining("login");
    assertThat(script.methods).containsExactly("common.db.login");
  }

  @Test
  void extraContextEntriesJoinTheUsersContext() {
    Script script = loggedIn(new Script(), 1).then(200, "{\"result\":[]}");
    TrytonRpc rpc = new TrytonRpc(script, "admin", "secret");

    rpc.modelWithContext(
        "product.product",
        "read",
        Map.of("locations", List.of(4L)),
        List.of(1L),
        List.of("quantity"));

    JsonNode ctx = script.requests.get(2).get("params").get(2);
    assertThat(ctx.get("company").asInt()).isEqualTo(1);
    assertThat(ctx.get("locations").get(0).asInt()).isEqualTo(4);
  }
}
