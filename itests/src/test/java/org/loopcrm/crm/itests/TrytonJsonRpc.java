package org.loopcrm.crm.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person does in Tryton during an ERP test, over its JSON-RPC: independent of the connector
 * under test, so the test sees Tryton as it is, not as the connector believes it is. Parameters are
 * JSON text; results are read with patterns, which is enough for ids and names.
 */
final class TrytonJsonRpc {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;
  private final String authorization;
  private final String context;

  TrytonJsonRpc() throws Exception {
    endpoint = URI.create(required("tryton.url") + "/" + required("tryton.db") + "/");
    String user = System.getProperty("tryton.user", "admin");
    String password =
        Files.readString(Path.of(required("tryton.passwordFile")), StandardCharsets.UTF_8).strip();
    String login =
        call(
            "common.db.login",
            "[\"" + user + "\",{\"password\":\"" + password + "\"},\"en\"]",
            null);
    Matcher m = Pattern.compile("\\[(\\d+),\\s*\"([^\"]+)\"\\]").matcher(login);
    if (!m.find()) {
      throw new IllegalStateException("Tryton refused the login: " + login);
    }
    authorization =
        "Session "
            + Base64.getEncoder()
                .encodeToString(
                    (user + ":" + m.group(1) + ":" + m.group(2)).getBytes(StandardCharsets.UTF_8));
    String prefs = call("model.res.user.get_preferences", "[true,{}]", authorization);
    Matcher company = Pattern.compile("\"company\":\\s*(\\d+)").matcher(prefs);
    context = company.find() ? "{\"company\":" + company.group(1) + "}" : "{}";
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          property + " is not set: run the erp profile after `eval \"$(scripts/tryton.sh env)\"`");
    }
    return value;
  }

  /** {@code model.<model>.<method>} with the JSON parameters and the user's company last. */
  String model(String model, String method, String params) throws Exception {
    return call("model." + model + "." + method, "[" + params + "," + context + "]", authorization);
  }

  /** {@code wizard.<wizard>.<method>} with the JSON parameters (the context is the caller's). */
  String wizard(String wizard, String method, String params) throws Exception {
    return call("wizard." + wizard + "." + method, "[" + params + "]", authorization);
  }

  /** The user's context as JSON, with the extra entries (JSON members, or empty) added. */
  String context(String extra) {
    return extra.isEmpty()
        ? context
        : context.substring(0, context.length() - 1)
            + (context.length() > 2 ? "," : "")
            + extra
            + "}";
  }

  List<Long> search(String model, String domain) throws Exception {
    return numbers(model(model, "search", domain + ",0,null,null"));
  }

  static List<Long> numbers(String json) {
    String result = json.substring(json.indexOf("\"result\""));
    List<Long> ids = new ArrayList<>();
    Matcher m = NUMBER.matcher(result.substring(result.indexOf('[')));
    while (m.find()) {
      ids.add(Long.parseLong(m.group()));
    }
    return ids;
  }

  private String call(String method, String params, String auth) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200
        || response.body().contains("\"error\": [")
        || response.body().contains("\"error\":[")) {
      throw new IllegalStateException(
          method + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
