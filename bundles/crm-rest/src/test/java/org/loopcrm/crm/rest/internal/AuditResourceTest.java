package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.rest.internal.Dtos.AuditEntryView;
import org.loopcrm.crm.rest.internal.Dtos.AuditPage;

/** The audit resources pass queries through, and their JSON is what the OpenAPI document says. */
class AuditResourceTest {
  private static final AuditEntry ENTRY =
      new AuditEntry(
          UUID.randomUUID(),
          "account",
          UUID.randomUUID(),
          AuditAction.UPDATE,
          "ada",
          Actor.Channel.SHELL,
          Instant.parse("2025-01-31T12:00:00Z"),
          List.of(new FieldChange("erpRef", null, "P-1")));

  private final List<AuditQuery> queries = new ArrayList<>();
  private final List<Actor> actors = new ArrayList<>();

  private AuditResource resource() {
    return new AuditResource(
        (actor, q) -> {
          actors.add(actor);
          queries.add(q);
          if (q.user() != null && !actor.has(Role.CRM_ADMIN)) {
            throw new AccessDeniedException("admins only");
          }
          return new Page<>(List.of(ENTRY), Optional.empty());
        });
  }

  private static SecurityContext as(String user, String role) {
    return TestSecurity.as(user, role);
  }

  @Test
  void queryParametersBecomeTheServiceQuery() {
    UUID id = UUID.randomUUID();
    AuditPage page =
        (AuditPage)
            resource()
                .list(
                    as("viewer", "crm-viewer"),
                    null,
                    null,
                    "contact",
                    id.toString(),
                    "2025-01-01T00:00:00Z",
                    null,
                    "5",
                    null)
                .getEntity();

    assertThat(queries)
        .containsExactly(
            new AuditQuery(
                "contact", id, null, Instant.parse("2025-01-01T00:00:00Z"), null, 5, null));
    assertThat(actors.get(0).channel()).isEqualTo(Actor.Channel.REST);
    assertThat(page.items()).extracting(AuditEntryView::user).containsExactly("ada");
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void badParametersAre422AndPerUserAuditIsTheServicesDecision() {
    assertThatThrownBy(
            () ->
                resource()
                    .list(
                        as("a", "crm-admin"),
                        null,
                        null,
                        "contact",
                        "nope",
                        null,
                        null,
                        null,
                        null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("recordId");
    assertThatThrownBy(
            () ->
                resource()
                    .list(
                        as("a", "crm-admin"), null, "x", null, null, "yesterday", null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(
            () ->
                resource()
                    .list(as("v", "crm-viewer"), null, "ada", null, null, null, null, null, null))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(new ProblemMapper().toResponse(new AccessDeniedException("x")).getStatus())
        .isEqualTo(403);
  }

  @Test
  void entryJsonHasExactlyTheDocumentedProperties() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode doc = json.readTree(new OpenApiResource().get());
    JsonNode entry = json.valueToTree(AuditEntryView.of(ENTRY));
    List<String> names = new ArrayList<>();
    entry.fieldNames().forEachRemaining(names::add);
    List<String> documented = new ArrayList<>();
    doc.at("/components/schemas/AuditEntry/properties")
        .fieldNames()
        .forEachRemaining(documented::add);

    assertThat(names).containsExactlyElementsOf(documented);
    assertThat(entry.at("/changes/0/oldValue").isNull()).isTrue();
    assertThat(entry.at("/changes/0/newValue").asText()).isEqualTo("P-1");
    assertThat(entry.get("at").asText()).isEqualTo("2025-01-31T12:00:00Z");
    assertThat(entry.get("channel").asText()).isEqualTo("SHELL");
  }
}
