package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDecision;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.privacy.DataSubject;
import org.loopcrm.crm.api.privacy.ErasureRequest;
import org.loopcrm.crm.api.privacy.ErasureStatus;
import org.loopcrm.crm.api.privacy.LegalHold;
import org.loopcrm.crm.api.privacy.LegalHoldKind;
import org.loopcrm.crm.api.privacy.PrivacyService;
import org.loopcrm.crm.api.privacy.SubjectExport;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ConsentBody;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ErasureBody;

/** The consent and privacy resources translate HTTP to service calls and refusals to 409. */
class PrivacyResourceTest {
  private static final String BASE = "http://crm.example.com/crm/api/v1/privacy/erasures";
  private static final UUID ACCOUNT = UUID.randomUUID();
  private static final UUID CONTACT = UUID.randomUUID();
  private static final Instant AT = Instant.parse("2026-01-31T12:00:00Z");

  private final List<String> calls = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private ErasureStatus outcome = ErasureStatus.COMPLETED;

  private final PrivacyService privacy =
      (PrivacyService)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {PrivacyService.class},
              (proxy, m, args) -> {
                calls.add(m.getName());
                return switch (m.getName()) {
                  case "recordConsent" -> decision((UUID) args[1], (ConsentDraft) args[2]);
                  case "consents", "consentHistory" ->
                      List.of(
                          decision(
                              (UUID) args[1],
                              new ConsentDraft(
                                  "newsletter",
                                  ConsentChannel.EMAIL,
                                  ConsentStatus.GRANTED,
                                  "web",
                                  null)));
                  case "requestErasure" -> request((UUID) args[1]);
                  case "export" -> export((UUID) args[1]);
                  default -> throw new AssertionError("unexpected call: " + m.getName());
                };
              });

  private final AccountService accounts =
      (AccountService)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {AccountService.class},
              (proxy, m, args) -> {
                if (!m.getName().equals("contact")) {
                  throw new AssertionError("unexpected call: " + m.getName());
                }
                calls.add("contact");
                if (!args[1].equals(ACCOUNT) || !args[2].equals(CONTACT)) {
                  throw new NotFoundException("contact", args[2]);
                }
                return new Contact(CONTACT, ACCOUNT, "A", "B", null, null, null, 0, AT, AT);
              });

  private final ConsentResource consents = new ConsentResource(accounts, privacy);
  private final PrivacyResource resource = new PrivacyResource(privacy);

  @Test
  void consentIsRecordedForAContactOfTheAccountOnly() throws Exception {
    Response r =
        consents.record(
            as("m", "crm-marketing"),
            ACCOUNT.toString(),
            CONTACT.toString(),
            new ConsentBody(
                "newsletter", ConsentChannel.EMAIL, ConsentStatus.GRANTED, "web", null));

    assertThat(r.getStatus()).isEqualTo(201);
    JsonNode body = json.readTree(json.writeValueAsString(r.getEntity()));
    assertThat(body.get("purpose").asText()).isEqualTo("newsletter");
    assertThat(body.get("via").asText()).isEqualTo("REST");
    assertThat(body.get("at").asText()).isEqualTo(AT.toString());
    assertThat(calls).containsExactly("contact", "recordConsent");

    calls.clear();
    assertThatThrownBy(
            () ->
                consents.current(
                    as("v", "crm-viewer"), UUID.randomUUID().toString(), CONTACT.toString()))
        .isInstanceOf(NotFoundException.class);
    assertThat(calls).containsExactly("contact");
    assertThat(
            consents.history(as("v", "crm-viewer"), ACCOUNT.toString(), CONTACT.toString()).items())
        .hasSize(1);
  }

  @Test
  void aRefusedErasureIs409ProblemJsonListingTheReasons() throws Exception {
    outcome = ErasureStatus.REFUSED;

    Response r =
        resource.requestErasure(
            as("dpo", "crm-admin"), uri(BASE), new ErasureBody(CONTACT.toString()));

    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getMediaType()).hasToString("application/problem+json");
    assertThat(r.getLocation().toString()).startsWith(BASE + "/");
    JsonNode body = json.readTree(json.writeValueAsString(r.getEntity()));
    assertThat(body.get("type").asText()).isEqualTo(Problems.TYPE_BASE + "erasure-refused");
    assertThat(body.get("detail").asText()).contains("open receivables of 10 EUR");
    assertThat(body.get("reasons").get(0).asText()).isEqualTo("open receivables of 10 EUR");
    assertThat(body.get("erasureRequest").get("status").asText()).isEqualTo("REFUSED");
    assertThat(body.get("erasureRequest").get("holds").get(0).get("kind").asText())
        .isEqualTo("OPEN_RECEIVABLES");
  }

  @Test
  void aCompletedErasureIs201AndTheSubjectIdIsRequired() throws Exception {
    Response r =
        resource.requestErasure(
            as("dpo", "crm-admin"), uri(BASE), new ErasureBody(CONTACT.toString()));

    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(json.writeValueAsString(r.getEntity())).contains("\"status\":\"COMPLETED\"");
    assertThatThrownBy(
            () -> resource.requestErasure(as("dpo", "crm-admin"), uri(BASE), new ErasureBody(" ")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> resource.requestErasure(as("dpo", "crm-admin"), uri(BASE), new ErasureBody("x")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theExportIsOneJsonDocumentNotCached() throws Exception {
    Response r = resource.export(as("dpo", "crm-admin"), CONTACT.toString());

    assertThat(r.getHeaderString("Cache-Control")).isEqualTo("no-store");
    assertThat(r.getHeaderString("Content-Disposition")).contains("subject-" + CONTACT);
    JsonNode body = json.readTree(json.writeValueAsString(r.getEntity()));
    assertThat(body.get("subject").get("email").asText()).isEqualTo("ada@example.com");
    assertThat(body.get("audit").get(0).get("action").asText()).isEqualTo("EXPORT");
    assertThat(body.get("consents").get(0).get("purpose").asText()).isEqualTo("newsletter");
    assertThat(body.get("exportedAt").asText()).isEqualTo(AT.toString());
  }

  private static ConsentDecision decision(UUID subject, ConsentDraft d) {
    return new ConsentDecision(
        UUID.randomUUID(),
        subject,
        d.purpose(),
        d.channel(),
        d.status(),
        d.source(),
        d.evidence(),
        "m",
        Actor.Channel.REST,
        AT);
  }

  private ErasureRequest request(UUID subject) {
    List<LegalHold> holds =
        outcome == ErasureStatus.REFUSED
            ? List.of(
                new LegalHold(
                    LegalHoldKind.OPEN_RECEIVABLES,
                    "open receivables of 10 EUR",
                    BigDecimal.TEN,
                    "EUR",
                    "crm"))
            : List.of();
    return new ErasureRequest(
        UUID.randomUUID(), subject, "dpo", Actor.Channel.REST, AT, outcome, holds);
  }

  private SubjectExport export(UUID subject) {
    return new SubjectExport(
        new DataSubject(subject, "Ada", "Lovelace", "ada@example.com", null, AT, AT, null),
        List.of(),
        consentsOf(subject),
        consentsOf(subject),
        List.of(
            new AuditEntry(
                UUID.randomUUID(),
                "contact",
                subject,
                AuditAction.EXPORT,
                "dpo",
                Actor.Channel.REST,
                AT,
                List.of())),
        List.of(),
        "dpo",
        AT);
  }

  private static List<ConsentDecision> consentsOf(UUID subject) {
    return List.of(
        decision(
            subject,
            new ConsentDraft(
                "newsletter", ConsentChannel.EMAIL, ConsentStatus.GRANTED, "web", null)));
  }

  private static UriInfo uri(String requestUri) {
    return (UriInfo)
        Proxy.newProxyInstance(
            PrivacyResourceTest.class.getClassLoader(),
            new Class<?>[] {UriInfo.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAbsolutePathBuilder" -> UriBuilder.fromUri(requestUri.split("\\?")[0]);
                  case "getRequestUriBuilder" -> UriBuilder.fromUri(requestUri);
                  default -> throw new AssertionError("unexpected call: " + method.getName());
                });
  }

  private static SecurityContext as(String user, String role) {
    return TestSecurity.as(user, role);
  }
}
