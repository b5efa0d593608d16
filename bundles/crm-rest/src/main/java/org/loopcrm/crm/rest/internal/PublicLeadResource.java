package org.loopcrm.crm.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.lead.LeadForm;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.api.lead.Submission;
import org.loopcrm.crm.rest.internal.LeadDtos.ReceivedView;

/**
 * {@code /public/leads/{formKey}}: the web-to-lead endpoint, the one path that needs no credentials
 * ({@link BasicAuthFilter#isPublic}). Answers 201 (or 303 to the form's redirect) the same way
 * whether the submission was kept or dropped by the honeypot, 429 with Retry-After over the form's
 * rate per client address, 404 for an unknown or disabled form, 422 with field errors.
 */
@Path("/public/leads")
@Produces(MediaType.APPLICATION_JSON)
public final class PublicLeadResource {
  static final String PREFIX = "public/leads/";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final LeadService leads;
  private final RateLimiter limiter;

  PublicLeadResource(LeadService leads, RateLimiter limiter) {
    this.leads = leads;
    this.limiter = limiter;
  }

  /** A browser's form post (form-encoded) or a script's (a JSON object of strings). */
  @POST
  @Path("{formKey}")
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
  public Response submit(
      @Context HttpServletRequest request,
      @Context HttpHeaders headers,
      @PathParam("formKey") String formKey,
      String body) {
    MediaType type = headers.getMediaType();
    boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    return submit(formKey, json ? json(body) : form(body), address(request));
  }

  /** The fields of a form-encoded body; the first value of a repeated name counts. */
  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body == null || body.isBlank()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        throw new ValidationException(List.of(new FieldError("body", "is not form-encoded")));
      }
    }
    return fields;
  }

  /** The fields of a JSON object whose values are strings, numbers or booleans. */
  static Map<String, String> json(String body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new ValidationException(List.of(new FieldError("body", "is not JSON")));
    }
    if (node == null || !node.isObject()) {
      throw new ValidationException(List.of(new FieldError("body", "must be a JSON object")));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull()) {
        fields.put(e.getKey(), null);
      } else if (v.isValueNode()) {
        fields.put(e.getKey(), v.asText());
      } else {
        throw new ValidationException(
            List.of(new FieldError(e.getKey(), "must be a string, number or boolean")));
      }
    }
    return fields;
  }

  Response submit(String formKey, Map<String, String> fields, String ip) {
    LeadForm form = leads.publicForm(formKey);
    long wait = limiter.acquire(form.key() + "|" + ip, form.ratePerMinute());
    if (wait > 0) {
      return Response.fromResponse(
              Problems.response(
                  429,
                  "rate-limited",
                  "Too many requests",
                  "this form takes " + form.ratePerMinute() + " submissions a minute"))
          .header("Retry-After", Long.toString(wait))
          .build();
    }
    Submission s = leads.submit(formKey, fields, ip);
    if (s.redirectUrl() != null) {
      return Response.seeOther(URI.create(s.redirectUrl())).build();
    }
    return Response.status(Response.Status.CREATED).entity(new ReceivedView(true)).build();
  }

  private static String address(HttpServletRequest request) {
    return request == null ? null : request.getRemoteAddr();
  }
}
