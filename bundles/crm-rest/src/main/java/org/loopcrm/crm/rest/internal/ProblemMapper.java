package org.loopcrm.crm.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.cto.ConfiguratorUnavailableException;
import org.loopcrm.crm.api.dedupe.DuplicateCandidatesException;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.integration.IntegrationUnavailableException;
import org.loopcrm.crm.api.merge.PartyMergedException;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception into problem+json; unknown ones become a 500 that reveals nothing. */
final class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyLimit.TooLarge) {
        return Problems.response(413, "payload-too-large", "Payload too large", t.getMessage());
      }
    }
    if (e instanceof ValidationException v) {
      return unprocessable(
          v.errors().stream()
              .map(f -> Map.of("field", f.field(), "message", f.message()))
              .toList());
    }
    if (e instanceof PluginVetoException) {
      return Problems.response(422, "plugin-veto", "Refused by a plugin", e.getMessage());
    }
    if (e instanceof PartyMergedException m) {
      Map<String, Object> body =
          Problems.body(404, "merged", "Merged into another record", e.getMessage(), null);
      body.put("mergedInto", m.survivorId().toString());
      return Response.status(404).type(Problems.PROBLEM_JSON).entity(body).build();
    }
    if (e instanceof ErpUnavailableException) {
      return Problems.response(503, "erp-unavailable", "ERP unavailable", e.getMessage());
    }
    if (e instanceof ConfiguratorUnavailableException) {
      return Problems.response(
          503, "configurator-unavailable", "Configurator unavailable", e.getMessage());
    }
    if (e instanceof IntegrationUnavailableException) {
      return Problems.response(
          503, "integration-unavailable", "Integration unavailable", e.getMessage());
    }
    if (e instanceof ErpRejectedException) {
      return Problems.response(422, "erp-rejected", "Refused by the ERP", e.getMessage());
    }
    if (e instanceof NotFoundException) {
      return Problems.response(404, "not-found", "Not found", e.getMessage());
    }
    if (e instanceof StaleVersionException s) {
      return Response.fromResponse(
              Problems.response(412, "stale-version", "Precondition failed", e.getMessage()))
          .tag(Etags.of(s.currentVersion()))
          .build();
    }
    if (e instanceof DuplicateCandidatesException d) {
      return DuplicateDtos.conflict(d);
    }
    if (e instanceof ConflictException) {
      return Problems.response(409, "conflict", "Conflict", e.getMessage());
    }
    if (e instanceof AccessDeniedException) {
      return Problems.response(403, "forbidden", "Forbidden", e.getMessage());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return unprocessable(
          List.of(Map.of("field", path(u), "message", "is not a field of this resource")));
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
      String expected =
          f.getTargetType().isEnum()
              ? "must be one of "
                  + Arrays.stream(f.getTargetType().getEnumConstants())
                      .map(Object::toString)
                      .collect(Collectors.joining(", "))
              : "must be a " + f.getTargetType().getSimpleName();
      return unprocessable(List.of(Map.of("field", path(f), "message", expected)));
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return unprocessable(List.of(Map.of("field", path(m), "message", "has the wrong JSON type")));
    }
    if (e instanceof JsonProcessingException j) {
      return Problems.response(
          400,
          "malformed-json",
          "Malformed JSON",
          "the body is not valid JSON: " + j.getOriginalMessage());
    }
    if (e instanceof WebApplicationException w) {
      Response r = w.getResponse();
      int status = r.getStatus();
      if (status == 401 || status == 413 || status == 428 || status == 415) {
        return r;
      }
      String reason = r.getStatusInfo().getReasonPhrase();
      return Response.fromResponse(
              Problems.response(status, "http-" + status, reason, w.getMessage()))
          .build();
    }
    LOG.error("unexpected failure of a REST call", e);
    return Problems.response(
        500, "internal", "Internal error", "the server failed; the error is in its log");
  }

  private static Response unprocessable(List<Map<String, String>> errors) {
    return Response.status(422)
        .type(Problems.PROBLEM_JSON)
        .entity(
            Problems.body(
                422, "validation", "Validation failed", "the input has invalid fields", errors))
        .build();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
