package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.integration.DeadLetter;
import org.loopcrm.crm.api.integration.DeadLetterQueue;
import org.loopcrm.crm.api.integration.IntegrationMetrics;
import org.loopcrm.crm.api.integration.IntegrationService;
import org.loopcrm.crm.api.integration.IntegrationUnavailableException;
import org.loopcrm.crm.api.integration.ReplayKind;
import org.loopcrm.crm.api.integration.ReplayResult;
import org.loopcrm.crm.api.integration.RetryResult;
import org.loopcrm.crm.api.integration.RouteLag;
import org.loopcrm.crm.api.integration.RouteState;
import org.loopcrm.crm.api.integration.RouteStatus;
import org.loopcrm.crm.rest.internal.IntegrationDtos.ReplayBody;
import org.loopcrm.crm.rest.internal.IntegrationDtos.RetryBody;
import org.loopcrm.crm.rest.internal.IntegrationDtos.RouteView;

class IntegrationResourceTest {
  private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

  /** Admins act, the integration reads, others are refused, as the real service decides. */
  private static final class FakeIntegration implements IntegrationService {
    final List<String> calls = new ArrayList<>();

    private static void read(Actor a) {
      if (!a.has(Role.CRM_ADMIN) && !a.has(Role.CRM_INTEGRATION)) {
        throw new AccessDeniedException("only administrators and the integration see the routes");
      }
    }

    private static void act(Actor a) {
      if (!a.has(Role.CRM_ADMIN)) {
        throw new AccessDeniedException("only administrators retry dead letters");
      }
    }

    @Override
    public List<RouteStatus> routes(Actor actor) {
      read(actor);
      return List.of(
          new RouteStatus(
              "crm-erp-facts",
              "erp",
              "ERP facts",
              RouteState.STARTED,
              5,
              4,
              1,
              0,
              T,
              T,
              "boom \"quoted\"",
              new RouteLag(2L, null),
              "crm.erp.facts.DLQ",
              ReplayKind.RETRY_DEAD_LETTERS,
              List.of()),
          new RouteStatus(
              "crm-tryton-poll-party",
              "erp",
              null,
              RouteState.SUSPENDED,
              0,
              0,
              0,
              0,
              null,
              null,
              null,
              new RouteLag(null, Duration.ofSeconds(75)),
              null,
              ReplayKind.REWIND_STREAMS,
              List.of("tryton/party")));
    }

    @Override
    public RouteStatus route(Actor actor, String routeId) {
      read(actor);
      return routes(actor).stream()
          .filter(r -> r.id().equals(routeId))
          .findFirst()
          .orElseThrow(() -> new NotFoundException("route", routeId));
    }

    @Override
    public List<DeadLetterQueue> deadLetterQueues(Actor actor) {
      read(actor);
      return List.of(
          new DeadLetterQueue("crm.erp.facts.DLQ", List.of("crm-erp-facts"), "crm.erp.facts", 1L));
    }

    @Override
    public List<DeadLetter> deadLetters(Actor actor, String queue, int limit) {
      read(actor);
      calls.add("list " + queue + " " + limit);
      return List.of(
          new DeadLetter("ID:1", queue, "crm.erp.facts", "unknown customer", T, 1, "corr-1", "{}"));
    }

    @Override
    public RetryResult retry(Actor actor, String queue, String messageId) {
      act(actor);
      calls.add("retry " + queue + " " + messageId);
      return new RetryResult(queue, List.of(messageId), 0L);
    }

    @Override
    public RetryResult retryAll(Actor actor, String queue) {
      act(actor);
      calls.add("retryAll " + queue);
      return new RetryResult(queue, List.of("ID:1"), 0L);
    }

    @Override
    public ReplayResult replay(Actor actor, String routeId, Instant from) {
      act(actor);
      calls.add("replay " + routeId + " " + from);
      return new ReplayResult(routeId, ReplayKind.RETRY_DEAD_LETTERS, List.of(), null);
    }

    @Override
    public IntegrationMetrics metrics(Actor actor) {
      read(actor);
      return new IntegrationMetrics(T, routes(actor), deadLetterQueues(actor));
    }
  }

  private final FakeIntegration fake = new FakeIntegration();
  private final IntegrationResource resource = new IntegrationResource(() -> fake);

  private static HttpHeaders accept(String... types) {
    List<MediaType> list = new ArrayList<>();
    for (String t : types) {
      list.add(MediaType.valueOf(t));
    }
    return (HttpHeaders)
        Proxy.newProxyInstance(
            HttpHeaders.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getAcceptableMediaTypes")) {
                return list;
              }
              throw new AssertionError("unexpected " + method.getName());
            });
  }

  @Test
  void routesShowTheirLagAsMessagesOrSeconds() {
    List<RouteView> routes = resource.routes(TestSecurity.as("erp", "crm-integration")).routes();
    assertThat(routes.get(0).pendingMessages()).isEqualTo(2L);
    assertThat(routes.get(0).lastSuccessAt()).isEqualTo("2026-11-20T08:00:00Z");
    assertThat(routes.get(1).watermarkAgeSeconds()).isEqualTo(75L);
    assertThat(routes.get(1).pendingMessages()).isNull();
    assertThatThrownBy(() -> resource.route(TestSecurity.as("root", "crm-admin"), "nope"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> resource.routes(TestSecurity.as("ann", "crm-sales")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void retryTakesOneIdOrAllButNotBothOrNeither() {
    var admin = TestSecurity.as("root", "crm-admin");
    resource.retry(admin, "crm.erp.facts.DLQ", new RetryBody("ID:1", null));
    resource.retry(admin, "crm.erp.facts.DLQ", new RetryBody(null, true));
    assertThat(fake.calls)
        .containsExactly("retry crm.erp.facts.DLQ ID:1", "retryAll crm.erp.facts.DLQ");
    for (RetryBody bad :
        new RetryBody[] {null, new RetryBody(null, null), new RetryBody("ID:1", true)}) {
      assertThatThrownBy(() -> resource.retry(admin, "crm.erp.facts.DLQ", bad))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("messageId");
    }
    assertThatThrownBy(
            () ->
                resource.retry(
                    TestSecurity.as("erp", "crm-integration"),
                    "crm.erp.facts.DLQ",
                    new RetryBody("ID:1", null)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void deadLettersDefaultToFiftyAndAReplayParsesItsInstant() {
    var admin = TestSecurity.as("root", "crm-admin");
    assertThat(resource.deadLetters(admin, "crm.erp.facts.DLQ", null).messages())
        .singleElement()
        .satisfies(d -> assertThat(d.correlationId()).isEqualTo("corr-1"));
    assertThatThrownBy(() -> resource.deadLetters(admin, "crm.erp.facts.DLQ", "many"))
        .isInstanceOf(ValidationException.class);
    resource.replay(admin, "crm-erp-facts", null);
    resource.replay(admin, "crm-tryton-poll-party", new ReplayBody("2026-01-01T00:00:00Z"));
    assertThatThrownBy(
            () -> resource.replay(admin, "crm-tryton-poll-party", new ReplayBody("yesterday")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
    assertThat(fake.calls)
        .containsExactly(
            "list crm.erp.facts.DLQ 50",
            "replay crm-erp-facts null",
            "replay crm-tryton-poll-party 2026-01-01T00:00:00Z");
  }

  @Test
  void metricsArePrometheusTextWhenAskedForAndJsonOtherwise() {
    var sc = TestSecurity.as("erp", "crm-integration");
    Response text =
        resource.metrics(
            sc,
            accept(
                "application/openmetrics-text; version=1.0.0",
                "text/plain; version=0.0.4; q=0.5",
                "*/*; q=0.1"),
            null);
    assertThat(text.getMediaType().toString()).startsWith("text/plain");
    String body = (String) text.getEntity();
    assertThat(body)
        .contains("# TYPE crm_route_exchanges_total counter\n")
        .contains("crm_route_exchanges_total{route=\"crm-erp-facts\",result=\"completed\"} 4\n")
        .contains("crm_route_exchanges_total{route=\"crm-erp-facts\",result=\"failed\"} 1\n")
        .contains("crm_route_up{route=\"crm-tryton-poll-party\"} 0\n")
        .contains("crm_route_pending_messages{route=\"crm-erp-facts\"} 2\n")
        .contains("crm_route_watermark_age_seconds{route=\"crm-tryton-poll-party\"} 75\n")
        .contains("crm_route_last_success_timestamp_seconds{route=\"crm-erp-facts\"} 1795161600\n")
        .contains("crm_dead_letter_messages{queue=\"crm.erp.facts.DLQ\"} 1\n")
        .doesNotContain("crm_route_pending_messages{route=\"crm-tryton-poll-party\"}");
    assertThat(PrometheusText.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");

    Response json = resource.metrics(sc, accept("*/*"), null);
    assertThat(json.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    assertThat(resource.metrics(sc, accept("text/plain"), "json").getMediaType())
        .isEqualTo(MediaType.APPLICATION_JSON_TYPE);
    assertThat(resource.metrics(sc, null, "prometheus").getEntity()).isInstanceOf(String.class);
    assertThatThrownBy(() -> resource.metrics(sc, null, "xml"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("format");
  }

  @Test
  void withoutTheRoutesTheAnswerIs503AndRefusalsAreProblems() {
    IntegrationResource none = new IntegrationResource(() -> null);
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> none.routes(TestSecurity.as("root", "crm-admin")));
    assertThat(e).isInstanceOf(IntegrationUnavailableException.class);
    Response r = new ProblemMapper().toResponse(e);
    assertThat(r.getStatus()).isEqualTo(503);
    @SuppressWarnings("unchecked")
    Map<String, Object> problem = (Map<String, Object>) r.getEntity();
    assertThat(problem.get("type").toString()).endsWith("integration-unavailable");
    assertThat(new ProblemMapper().toResponse(new NotFoundException("route", "x")).getStatus())
        .isEqualTo(404);
  }
}
