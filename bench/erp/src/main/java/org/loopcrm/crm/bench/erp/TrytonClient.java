package org.loopcrm.crm.bench.erp;

import java.io.IOException;
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
 * What a person does in Tryton, over its JSON-RPC, independent of the CRM's connector (so the bench
 * sees Tryton as it is). Parameters are JSON text; results are read with patterns, which is enough
 * for ids and names.
 */
final class TrytonClient {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");

  /** Where Tryton is: the variables of {@code scripts/tryton.sh env}. */
  record Settings(String url, String database, String user, String passwordFile) {
    static Settings fromEnvironment() {
      return new Settings(
          required("TRYTON_URL"),
          required("TRYTON_DB"),
          System.getenv().getOrDefault("TRYTON_USER", "admin"),
          required("TRYTON_PASSWORD_FILE"));
    }

    private static String required(String name) {
      String value = System.getenv(name);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(
            name + " is not set: run `eval \"$(bash scripts/tryton.sh env)\"` first");
      }
      return value;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String authorization;
  private final String context;

  TrytonClient(Settings settings) throws IOException, InterruptedException {
    endpoint = URI.create(settings.url() + "/" + settings.database() + "/");
    String password =
        Files.readString(Path.of(settings.passwordFile()), StandardCharsets.UTF_8).strip();
    String login =
        call(
            "common.db.login",
            "[\"" + settings.user() + "\",{\"password\":\"" + password + "\"},\"en\"]",
            null);
    Matcher m = Pattern.compile("\\[(\\d+),\\s*\"([^\"]+)\"\\]").matcher(login);
    if (!m.find()) {
      throw new IllegalStateException("Tryton refused the login: " + login);
    }
    authorization =
        "Session "
            + Base64.getEncoder()
                .encodeToString(
                    (settings.user() + ":" + m.group(1) + ":" + m.group(2))
                        .getBytes(StandardCharsets.UTF_8));
    String prefs = call("model.res.user.get_preferences", "[true,{}]", authorization);
    Matcher company = Pattern.compile("\"company\":\\s*(\\d+)").matcher(prefs);
    context = company.find() ? "{\"company\":" + company.group(1) + "}" : "{}";
  }

  /** {@code model.<model>.<method>} with the JSON parameters and the user's company last. */
  String model(String model, String method, String params)
      throws IOException, InterruptedException {
    return call("model." + model + "." + method, "[" + params + "," + context + "]", authorization);
  }

  List<Long> search(String model, String domain) throws IOException, InterruptedException {
    return numbers(model(model, "search", domain + ",0,null,null"));
  }

  long one(String model, String domain) throws IOException, InterruptedException {
    List<Long> ids = search(model, domain);
    if (ids.size() != 1) {
      throw new IllegalStateException(model + " " + domain + " found " + ids);
    }
    return ids.get(0);
  }

  /** The ids in a result such as {@code [1, 2]} or {@code {"addresses": [3]}}. */
  static List<Long> numbers(String json) {
    String result = json.substring(json.indexOf("\"result\""));
    List<Long> ids = new ArrayList<>();
    Matcher m = NUMBER.matcher(result.substring(result.indexOf('[')));
    while (m.find()) {
      ids.add(Long.parseLong(m.group()));
    }
    return ids;
  }

  /** The first number after {@code "field":} in a read result. */
  static long field(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\\s*\\[?(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  private String call(String method, String params, String auth)
      throws IOException, InterruptedException {
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
