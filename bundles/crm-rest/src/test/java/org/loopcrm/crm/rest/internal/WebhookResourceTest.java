package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.webhook.AttemptOutcome;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.api.webhook.DueDelivery;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.loopcrm.crm.api.webhook.WebhookSubscription;
import org.loopcrm.crm.api.webhook.WebhookSubscriptionDraft;
import org.loopcrm.crm.rest.internal.Dtos.WebhookBody;
import org.loopcrm.crm.rest.internal.Dtos.WebhookDeliveryPage;
import org.loopcrm.crm.rest.internal.Dtos.WebhookDeliveryView;
import org.loopcrm.crm.rest.internal.Dtos.WebhookList;
import org.loopcrm.crm.rest.internal.Dtos.WebhookView;

/** The webhook resources pass calls through, never show the secret, and match the document. */
class WebhookResourceTest {
  private static final String SECRET = "rest-secret-0123456789";
  private static final String BASE = "http://crm.example.com/crm/api/v1/webhooks";
  private static final WebhookSubscription SUB =
      new WebhookSubscription(
          UUID.randomUUID(),
          "https://hooks.example.com/in",
          List.of("account.*"),
          true,
          "admin",
          Instant.parse("2025-01-31T12:00:00Z"));
  private static final WebhookDelivery DELIVERY =
      new WebhookDelivery(
          UUID.randomUUID(),
          SUB.id(),
          UUID.randomUUID(),
          "account.created",
          DeliveryStatus.FAILED,
          2,
          503,
          "HTTP 503",
          Instant.parse("2025-01-31T12:01:10Z"),
          null);

  private final RecordingWebhooks service = new RecordingWebhooks();
  private final WebhookResource resource = new WebhookResource(service);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void createPassesTheDraftAndAnswers201WithoutTheSecret() throws Exception {
    Response r =
        resource.create(
            as("admin", "crm-admin"),
            uri(BASE),
            new WebhookBody("https://hooks.example.com/in", List.of("account.*"), SECRET, null));

    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(r.getLocation()).hasToString(BASE + "/" + SUB.id());
    assertThat(service.drafts)
        .containsExactly(
            new WebhookSubscriptionDraft(
                "https://hooks.example.com/in", List.of("account.*"), SECRET, true));
    assertThat(service.actors.get(0).roles()).containsExactly(Role.CRM_ADMIN);
    assertThat(service.actors.get(0).channel()).isEqualTo(Actor.Channel.REST);
    String body = json.writeValueAsString(r.getEntity());
    assertThat(body).doesNotContain(SECRET).doesNotContain("secret");
    assertThat(new WebhookBody("u", List.of(), SECRET, true).toString()).doesNotContain(SECRET);
  }

  @Test
  void nonAdminsGet403AsProblemJson() {
    SecurityContext sales = as("sales", "crm-user");
    assertThatThrownBy(() -> resource.list(sales)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> resource.get(sales, SUB.id().toString()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> resource.delete(as("v", "crm-viewer"), SUB.id().toString()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> resource.create(sales, uri(BASE), new WebhookBody("x", List.of(), SECRET, true)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> resource.deliveries(sales, uri(BASE), SUB.id().toString(), null, null))
        .isInstanceOf(AccessDeniedException.class);
    Response problem = new ProblemMapper().toResponse(new AccessDeniedException("x"));
    assertThat(problem.getStatus()).isEqualTo(403);
    assertThat(problem.getMediaType()).hasToString("application/problem+json");
  }

  @Test
  void readsDeletesAndTreatsBadIdsAsUnknown() {
    SecurityContext admin = as("admin", "crm-admin");
    WebhookList list = resource.list(admin);
    assertThat(list.items()).extracting(WebhookView::id).containsExactly(SUB.id());
    assertThat(resource.get(admin, SUB.id().toString()).url()).isEqualTo(SUB.url());
    assertThat(resource.delete(admin, SUB.id().toString()).getStatus()).isEqualTo(204);
    assertThat(service.deleted).containsExactly(SUB.id());
    assertThatThrownBy(() -> resource.get(admin, "nope")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> resource.get(admin, UUID.randomUUID().toString()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deliveriesPageWithALinkToTheNextPage() {
    SecurityContext admin = as("admin", "crm-admin");
    Response r =
        resource.deliveries(
            admin,
            uri(BASE + "/" + SUB.id() + "/deliveries?limit=1"),
            SUB.id().toString(),
            "1",
            null);

    WebhookDeliveryPage page = (WebhookDeliveryPage) r.getEntity();
    assertThat(page.items())
        .extracting(WebhookDeliveryView::status)
        .containsExactly(DeliveryStatus.FAILED);
    assertThat(page.nextCursor()).isEqualTo("next-1");
    assertThat(r.getLink("next").getUri().getQuery()).contains("cursor=next-1");
    assertThat(service.pages).containsExactly("1 null");
    assertThatThrownBy(
            () -> resource.deliveries(admin, uri(BASE), SUB.id().toString(), "many", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void jsonHasExactlyTheDocumentedProperties() throws Exception {
    JsonNode doc = json.readTree(new OpenApiResource().get());
    assertThat(names(json.valueToTree(WebhookView.of(SUB))))
        .containsExactlyElementsOf(names(doc.at("/components/schemas/Webhook/properties")));
    JsonNode delivery = json.valueToTree(WebhookDeliveryView.of(DELIVERY));
    assertThat(names(delivery))
        .containsExactlyElementsOf(names(doc.at("/components/schemas/WebhookDelivery/properties")));
    assertThat(delivery.get("nextAttemptAt").asText()).isEqualTo("2025-01-31T12:01:10Z");
    assertThat(delivery.get("deliveredAt").isNull()).isTrue();
    assertThat(
            Arrays.stream(WebhookBody.class.getRecordComponents()).map(c -> c.getName()).toList())
        .containsExactlyElementsOf(names(doc.at("/components/schemas/WebhookInput/properties")));
    List<String> statuses = new ArrayList<>();
    doc.at("/components/schemas/DeliveryStatus/enum").forEach(n -> statuses.add(n.asText()));
    assertThat(statuses)
        .containsExactlyElementsOf(Arrays.stream(DeliveryStatus.values()).map(Enum::name).toList());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static UriInfo uri(String requestUri) {
    return (UriInfo)
        Proxy.newProxyInstance(
            WebhookResourceTest.class.getClassLoader(),
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

  /** Answers with SUB and DELIVERY, refuses non-admins as the core service does. */
  private static final class RecordingWebhooks implements WebhookService {
    final List<Actor> actors = new ArrayList<>();
    final List<WebhookSubscriptionDraft> drafts = new ArrayList<>();
    final List<UUID> deleted = new ArrayList<>();
    final List<String> pages = new ArrayList<>();

    private void admin(Actor actor) {
      actors.add(actor);
      if (!actor.has(Role.CRM_ADMIN)) {
        throw new AccessDeniedException("only crm-admin may manage webhooks");
      }
    }

    private static void known(UUID id) {
      if (!SUB.id().equals(id)) {
        throw new NotFoundException("webhook subscription", id);
      }
    }

    @Override
    public WebhookSubscription subscribe(Actor actor, WebhookSubscriptionDraft draft) {
      admin(actor);
      drafts.add(draft);
      return SUB;
    }

    @Override
    public List<WebhookSubscription> subscriptions(Actor actor) {
      admin(actor);
      return List.of(SUB);
    }

    @Override
    public WebhookSubscription subscription(Actor actor, UUID id) {
      admin(actor);
      known(id);
      return SUB;
    }

    @Override
    public void unsubscribe(Actor actor, UUID id) {
      admin(actor);
      known(id);
      deleted.add(id);
    }

    @Override
    public Page<WebhookDelivery> deliveries(
        Actor actor, UUID subscriptionId, int limit, String cursor) {
      admin(actor);
      known(subscriptionId);
      pages.add(limit + " " + cursor);
      return new Page<>(List.of(DELIVERY), Optional.of("next-1"));
    }

    @Override
    public List<DueDelivery> claimDue(int max) {
      throw new AssertionError("not called by the code under test");
    }

    @Override
    public WebhookDelivery recordAttempt(UUID deliveryId, AttemptOutcome outcome) {
      throw new AssertionError("not called by the code under test");
    }

    @Override
    public int purgeFinished(java.time.Instant createdBefore, int max) {
      throw new AssertionError("not called by the code under test");
    }
  }
}
