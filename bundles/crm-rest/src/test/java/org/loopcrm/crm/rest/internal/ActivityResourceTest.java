package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.ActivityQuery;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.TaskStatus;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.activity.TimelineService;
import org.loopcrm.crm.rest.internal.ActivityDtos.ActivityBody;
import org.loopcrm.crm.rest.internal.ActivityDtos.ActivityPage;
import org.loopcrm.crm.rest.internal.ActivityDtos.ActivityView;
import org.loopcrm.crm.rest.internal.ActivityDtos.ParticipantView;

/** The activity and timeline resources translate query parameters, bodies and If-Match. */
class ActivityResourceTest {
  private static final String BASE = "http://crm.example.com/crm/api/v1/activities";
  private static final UUID ACCOUNT = UUID.randomUUID();
  private final List<Object> calls = new ArrayList<>();

  private final ActivityService activities =
      (ActivityService)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {ActivityService.class},
              (proxy, m, args) -> {
                calls.add(args[args.length - 1]);
                return switch (m.getName()) {
                  case "list" -> new Page<>(List.of(task(3)), Optional.of("next"));
                  case "create" -> task(0);
                  case "complete" -> task(((Long) args[2]) + 1);
                  default -> throw new AssertionError("unexpected call: " + m.getName());
                };
              });

  private final TimelineService timeline =
      (TimelineService)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {TimelineService.class},
              (proxy, m, args) -> {
                calls.add(args[1]);
                return new Page<>(List.of(), Optional.empty());
              });

  private static Activity task(long version) {
    return new Activity(
        UUID.randomUUID(),
        ActivityKind.TASK,
        null,
        null,
        "Send the offer",
        null,
        Instant.EPOCH,
        null,
        ACCOUNT,
        null,
        List.of(),
        "sales",
        null,
        null,
        null,
        TaskStatus.OPEN,
        null,
        null,
        version,
        Instant.EPOCH,
        "sales",
        Instant.EPOCH);
  }

  private static UriInfo uri(String requestUri) {
    return (UriInfo)
        Proxy.newProxyInstance(
            ActivityResourceTest.class.getClassLoader(),
            new Class<?>[] {UriInfo.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAbsolutePathBuilder" -> UriBuilder.fromUri(requestUri.split("\\?")[0]);
                  case "getRequestUriBuilder" -> UriBuilder.fromUri(requestUri);
                  default -> throw new AssertionError("unexpected call: " + method.getName());
                });
  }

  @Test
  void listTranslatesFiltersAndLinksTheNextPage() {
    ActivityResource resource = new ActivityResource(activities);
    Response r =
        resource.list(
            TestSecurity.as("sales", "crm-user"),
            uri(BASE + "?accountId=" + ACCOUNT),
            ACCOUNT.toString(),
            null,
            List.of("call,task", "MEETING"),
            "open",
            "sales",
            "20",
            null);
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(((ActivityPage) r.getEntity()).nextCursor()).isEqualTo("next");
    assertThat(r.getLink("next").getUri().toString()).contains("cursor=next");
    ActivityQuery q = (ActivityQuery) calls.get(0);
    assertThat(q.kinds())
        .containsExactlyInAnyOrder(ActivityKind.CALL, ActivityKind.TASK, ActivityKind.MEETING);
    assertThat(q.status()).isEqualTo(TaskStatus.OPEN);
    assertThat(q.limit()).isEqualTo(20);
    assertThatThrownBy(
            () ->
                resource.list(
                    TestSecurity.as("sales", "crm-user"),
                    uri(BASE),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                resource.list(
                    TestSecurity.as("sales", "crm-user"),
                    uri(BASE),
                    ACCOUNT.toString(),
                    null,
                    List.of("fax"),
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void createParsesTimesAndAnswersWithLocationAndEtag() {
    ActivityResource resource = new ActivityResource(activities);
    ActivityBody body =
        new ActivityBody(
            ActivityKind.TASK,
            null,
            null,
            "Send the offer",
            null,
            null,
            null,
            ACCOUNT,
            null,
            List.of(new ParticipantView(null, "service")),
            null,
            "2026-02-01T09:00:00Z",
            "2026-01-31T09:00:00Z");
    Response r = resource.create(TestSecurity.as("sales", "crm-user"), uri(BASE), body);
    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(r.getEntityTag().getValue()).isEqualTo("0");
    assertThat(r.getLocation().toString()).startsWith(BASE + "/");
    ActivityDraft d = (ActivityDraft) calls.get(0);
    assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
    assertThat(d.participants()).hasSize(1);
    ActivityBody badTime =
        new ActivityBody(
            ActivityKind.TASK,
            null,
            null,
            "x",
            null,
            null,
            null,
            ACCOUNT,
            null,
            null,
            null,
            "tomorrow",
            null);
    assertThatThrownBy(
            () -> resource.create(TestSecurity.as("sales", "crm-user"), uri(BASE), badTime))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("dueAt"));
  }

  @Test
  void completeNeedsIfMatch() {
    ActivityResource resource = new ActivityResource(activities);
    String id = UUID.randomUUID().toString();
    assertThatThrownBy(
            () ->
                resource.complete(TestSecurity.as("sales", "crm-user"), new TestHeaders(null), id))
        .isInstanceOfSatisfying(
            WebApplicationException.class,
            e -> assertThat(e.getResponse().getStatus()).isEqualTo(428));
    Response r =
        resource.complete(TestSecurity.as("sales", "crm-user"), new TestHeaders("\"4\""), id);
    assertThat(((ActivityView) r.getEntity()).version()).isEqualTo(5);
    assertThat(r.getEntityTag().getValue()).isEqualTo("5");
  }

  @Test
  void timelineSplitsKindsAndParsesTheContact() {
    UUID contact = UUID.randomUUID();
    new TimelineResource(timeline)
        .timeline(
            TestSecurity.as("viewer", "crm-viewer"),
            uri(BASE),
            ACCOUNT.toString(),
            contact.toString(),
            List.of("activity.call, account", "consent"),
            null,
            null);
    TimelineQuery q = (TimelineQuery) calls.get(0);
    assertThat(q.kinds()).isEqualTo(Set.of("activity.call", "account", "consent"));
    assertThat(q.contactId()).isEqualTo(contact);
    assertThat(q.limit()).isEqualTo(50);
  }
}
