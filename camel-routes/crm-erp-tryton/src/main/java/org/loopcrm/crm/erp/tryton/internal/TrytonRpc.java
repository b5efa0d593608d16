package org.loopcrm.crm.erp.tryton.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC client of one Tryton database, logged in as one user. It logs in on first use, sends
 * the user's context (company, employee, language) as the last parameter of every model call, and
 * logs in again once when Tryton answers 401 (the session expired or the server restarted).
 *
 * <p>Errors: no answer, or a 5xx, is {@link ErpUnavailableException} (retrying is safe); a Tryton
 * business error ({@code UserError} and the like) or a call Tryton does not expose is {@link
 * ErpRejectedException} with Tryton's own message.
 */
final class TrytonRpc {
  private static final Logger LOG = LoggerFactory.getLogger(TrytonRpc.class);

  private final HttpTransport transport;
  private final String user;
  private final String password;
  private final AtomicLong ids = new AtomicLong();
  private volatile Session session;

  TrytonRpc(HttpTransport transport, String user, String password) {
    this.transport = transport;
    this.user = user;
    this.password = password;
  }

  private record Session(String authorization, Map<String, Object> context) {}

  /**
   * Calls {@code model.<model>.<method>} with {@code params} followed by the user's context.
   *
   * @return the decoded result
   */
  Object model(String model, String method, Object... params) {
    return modelWithContext(model, method, Map.of(), params);
  }

  /** As {@link #model}, with entries added to the context for this call. */
  Object modelWithContext(
      String model, String method, Map<String, Object> extraContext, Object... params) {
    Session s = session();
    List<Object> all = new ArrayList<>(java.util.Arrays.asList(params));
    if (extraContext.isEmpty()) {
      all.add(s.context());
    } else {
      Map<String, Object> ctx = new java.util.LinkedHashMap<>(s.context());
      ctx.putAll(extraContext);
      all.add(ctx);
    }
    String name = "model." + model + "." + method;
    try {
      return call(name, all, s.authorization());
    } catch (SessionExpired e) {
      LOG.info("Tryton session expired; logging in again");
      session = null;
      Session fresh = session();
      all.set(all.size() - 1, merge(fresh.context(), extraContext));
      try {
        return call(name, all, fresh.authorization());
      } catch (SessionExpired again) {
        throw new ErpRejectedException("Tryton refuses the connector's session after a new login");
      }
    }
  }

  /** The user's context as Tryton gave it at login. */
  Map<String, Object> context() {
    return session().context();
  }

  /** Forgets the session, as a server restart would; the next call logs in again. */
  void logout() {
    Session s = session;
    session = null;
    if (s != null) {
      try {
        call("common.db.logout", List.of(), s.authorization());
      } catch (RuntimeException | SessionExpired e) {
        LOG.debug("Tryton logout failed", e);
      }
    }
  }

  private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(a);
    m.putAll(b);
    return m;
  }

  private Session session() {
    Session s = session;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (session == null) {
        session = login();
      }
      return session;
    }
  }

  @SuppressWarnings("unchecked")
  private Session login() {
    Object result;
    try {
      result = call("common.db.login", List.of(user, Map.of("password", password), "en"), null);
    } catch (SessionExpired e) {
      throw new ErpRejectedException("Tryton refused the login of user " + user);
    }
    if (!(result instanceof List<?> pair) || pair.size() < 2) {
      throw new ErpRejectedException("Tryton refused the login of user " + user);
    }
    String token = user + ":" + pair.get(0) + ":" + pair.get(1);
    String authorization =
        "Session " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    Object prefs;
    try {
      prefs = call("model.res.user.get_preferences", List.of(true, Map.of()), authorization);
    } catch (SessionExpired e) {
      throw new ErpRejectedException("Tryton refused a fresh session of user " + user);
    }
    return new Session(authorization, Map.copyOf((Map<String, Object>) prefs));
  }

  private Object call(String method, List<Object> params, String authorization)
      throws SessionExpired {
    byte[] request = TrytonCodec.request(ids.incrementAndGet(), method, params);
    HttpTransport.Response response;
    try {
      response = transport.post(request, authorization);
    } catch (IOException e) {
      throw new ErpUnavailableException("Tryton does not answer: " + e.getMessage(), e);
    }
    if (response.status() == 401) {
      throw new SessionExpired();
    }
    if (response.status() == 403) {
      throw new ErpRejectedException("Tryton does not expose " + method);
    }
    if (response.status() >= 500 || response.status() == 0) {
      throw new ErpUnavailableException(
          "Tryton answered HTTP " + response.status() + " to " + method, null);
    }
    JsonNode body;
    try {
      body = TrytonCodec.parse(response.body());
    } catch (IOException e) {
      throw new ErpUnavailableException(
          "Tryton answered HTTP " + response.status() + " with no JSON to " + method, e);
    }
    JsonNode error = body.get("error");
    if (error != null && !error.isNull()) {
      throw new ErpRejectedException(errorMessage(method, error));
    }
    return TrytonCodec.decode(body.get("result"));
  }

  /** Tryton's errors: {@code ["UserError", [message, description, ...]]} or {@code [text, ""]}. */
  static String errorMessage(String method, JsonNode error) {
    if (!error.isArray() || error.isEmpty()) {
      return "Tryton refused " + method + ": " + error;
    }
    String kind = error.get(0).asText();
    JsonNode detail = error.size() > 1 ? error.get(1) : null;
    StringBuilder text = new StringBuilder();
    if (detail != null && detail.isArray() && !detail.isEmpty()) {
      text.append(detail.get(0).asText());
      if (detail.size() > 1 && !detail.get(1).asText().isBlank()) {
        text.append(" (").append(detail.get(1).asText()).append(')');
      }
      return kind + ": " + text;
    }
    String first = kind.lines().findFirst().orElse(kind);
    return "Tryton refused " + method + ": " + first;
  }

  /** HTTP 401: the session is gone. */
  private static final class SessionExpired extends Exception {
    private static final long serialVersionUID = 1L;

    SessionExpired() {
      super(null, null, false, false);
    }
  }
}
