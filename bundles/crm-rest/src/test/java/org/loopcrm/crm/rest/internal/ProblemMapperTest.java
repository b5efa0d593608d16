package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;

class ProblemMapperTest {
  private final ProblemMapper mapper = new ProblemMapper();
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response r) {
    return (Map<String, Object>) r.getEntity();
  }

  @Test
  void domainExceptionsMapToTheirStatusAndStableType() {
    assertThat(mapper.toResponse(new NotFoundException("account", "x")).getStatus()).isEqualTo(404);
    assertThat(mapper.toResponse(new ConflictException("c")).getStatus()).isEqualTo(409);
    assertThat(mapper.toResponse(new AccessDeniedException("no")).getStatus()).isEqualTo(403);
    assertThat(
            mapper
                .toResponse(
                    new org.loopcrm.crm.api.erp.port.ErpUnavailableException("Tryton down", null))
                .getStatus())
        .isEqualTo(503);
    assertThat(
            mapper
                .toResponse(new org.loopcrm.crm.api.erp.port.ErpRejectedException("closed period"))
                .getStatus())
        .isEqualTo(422);
    Response veto =
        mapper.toResponse(new org.loopcrm.crm.api.plugin.PluginVetoException("needs a ref"));
    assertThat(veto.getStatus()).isEqualTo(422);
    assertThat(body(veto)).containsEntry("type", "https://loopcrm.org/problems/plugin-veto");
    assertThat(body(veto)).containsEntry("detail", "needs a ref");
    Response stale = mapper.toResponse(new StaleVersionException("account", "x", 1, 4));
    assertThat(stale.getStatus()).isEqualTo(412);
    assertThat(stale.getEntityTag().getValue()).isEqualTo("4");
    assertThat(body(stale)).containsEntry("type", "https://loopcrm.org/problems/stale-version");
    assertThat(stale.getMediaType().toString()).isEqualTo("application/problem+json");
  }

  @Test
  void validationListsFieldErrors() {
    Response r =
        mapper.toResponse(
            new ValidationException(
                List.of(new ValidationException.FieldError("name", "must not be blank"))));
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(body(r).get("errors"))
        .isEqualTo(List.of(Map.of("field", "name", "message", "must not be blank")));
  }

  @Test
  void malformedJsonIs400AndWrongTypesOrUnknownFieldsAre422() {
    Throwable syntax = catchJson("{\"name\": ");
    assertThat(mapper.toResponse(syntax).getStatus()).isEqualTo(400);
    Response badEnum = mapper.toResponse(catchJson("{\"name\":\"a\",\"stage\":\"GOLD\"}"));
    assertThat(badEnum.getStatus()).isEqualTo(422);
    assertThat(body(badEnum).get("errors").toString()).contains("stage").contains("PROSPECT");
    Response unknown = mapper.toResponse(catchJson("{\"name\":\"a\",\"colour\":\"red\"}"));
    assertThat(unknown.getStatus()).isEqualTo(422);
    assertThat(body(unknown).get("errors").toString()).contains("colour");
  }

  @Test
  void unexpectedFailuresRevealNothing() {
    Response r = mapper.toResponse(new IllegalStateException("password=secret"));
    assertThat(r.getStatus()).isEqualTo(500);
    assertThat(body(r).toString()).doesNotContain("secret");
  }

  @Test
  void ifMatchIsRequiredAndParsed() {
    assertThat(mapper.toResponse(new WebApplicationException(404)).getStatus()).isEqualTo(404);
    assertThatThrownBy(() -> Etags.requiredVersion(new TestHeaders(null)))
        .isInstanceOfSatisfying(
            WebApplicationException.class,
            e -> assertThat(e.getResponse().getStatus()).isEqualTo(428));
    assertThatThrownBy(() -> Etags.requiredVersion(new TestHeaders("\"abc\"")))
        .isInstanceOfSatisfying(
            WebApplicationException.class,
            e -> assertThat(e.getResponse().getStatus()).isEqualTo(412));
    assertThat(Etags.requiredVersion(new TestHeaders("\"7\""))).isEqualTo(7);
    assertThat(Etags.requiredVersion(new TestHeaders("W/\"7\""))).isEqualTo(7);
  }

  private Throwable catchJson(String text) {
    try {
      json.readValue(text, Dtos.AccountBody.class);
      throw new AssertionError("expected a JSON failure for " + text);
    } catch (Exception e) {
      return e;
    }
  }
}
