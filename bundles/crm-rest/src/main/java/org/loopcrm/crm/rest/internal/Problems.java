package org.loopcrm.crm.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** RFC 7807 problem+json responses, each kind with a stable {@code type} URI. */
final class Problems {
  static final String TYPE_BASE = "https://loopcrm.org/problems/";
  static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private Problems() {}

  static Response response(int status, String kind, String title, String detail) {
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(body(status, kind, title, detail, null))
        .build();
  }

  static Response tooLarge(long maxBodyBytes) {
    return response(
        413,
        "payload-too-large",
        "Payload too large",
        "bodies are limited to " + maxBodyBytes + " bytes");
  }

  static Map<String, Object> body(
      int status, String kind, String title, String detail, List<Map<String, String>> errors) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", TYPE_BASE + kind);
    p.put("title", title);
    p.put("status", status);
    if (detail != null) {
      p.put("detail", detail);
    }
    if (errors != null) {
      p.put("errors", errors);
    }
    return p;
  }
}
