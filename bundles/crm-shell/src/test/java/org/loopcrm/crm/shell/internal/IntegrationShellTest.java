package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.api.integration.DeadLetter;
import org.loopcrm.crm.api.integration.DeadLetterQueue;
import org.loopcrm.crm.api.integration.IntegrationMetrics;
import org.loopcrm.crm.api.integration.IntegrationService;
import org.loopcrm.crm.api.integration.ReplayKind;
import org.loopcrm.crm.api.integration.ReplayResult;
import org.loopcrm.crm.api.integration.RetryResult;
import org.loopcrm.crm.api.integration.RouteLag;
import org.loopcrm.crm.api.integration.RouteState;
import org.loopcrm.crm.api.integration.RouteStatus;

class IntegrationShellTest {
  private static final Actor ADMIN = new Actor("root", Set.of(Role.CRM_ADMIN), Actor.Channel.SHELL);
  private static final Instant T = Instant.parse("2026-11-20T08:00:00.123Z");

  /** Knows one queue with one message and two routes; only admins may change anything. */
  private static final class FakeIntegration implements IntegrationService {
    final List<String> calls = new ArrayList<>();

    @Override
    public List<RouteStatus> routes(Actor actor) {
      return List.of(
          new RouteStatus(
              "crm-erp-facts",
              "erp",
              "ERP facts",
              RouteState.STARTED,
              12,
              10,
              2,
              1,
              T,
              T,
              "NotFoundException: account with ERP reference C-9 does not exist",
              new RouteLag(3L, null),
              "crm.erp.facts.DLQ",
              ReplayKind.RETRY_DEAD_LETTERS,
              List.of()),
          new RouteStatus(
              "crm-tryton-poll-party",
              "erp",
              null,
              RouteState.STOPPED,
              0,
              0,
              0,
              0,
              null,
              null,
              null,
              new RouteLag(null, Duration.ofMinutes(90)),
              null,
              ReplayKind.REWIND_STREAMS,
              List.of("tryton/party")));
    }

    @Override
    public RouteStatus route(Actor actor, String routeId) {
      throw new NotFoundException("route", routeId);
    }

    @Override
    public List<DeadLetterQueue> deadLetterQueues(Actor actor) {
      return List.of(
          new DeadLetterQueue("crm.erp.facts.DLQ", List.of("crm-erp-facts"), "crm.erp.facts", 1L),
          new DeadLetterQueue("DLQ", List.of(), null, 10_000L));
    }

    @Override
    public List<DeadLetter> deadLetters(Actor actor, String queue, int limit) {
      if (!queue.equals("crm.erp.facts.DLQ")) {
        throw new NotFoundException("dead-letter queue", queue);
      }
      return List.of(
          new DeadLetter(
              "ID:1",
              queue,
              "crm.erp.facts",
              "unknown customer: account with ERP reference C-9 does not exist",
              T,
              2,
              "corr-1",
              "{}"));
    }

    @Override
    public RetryResult retry(Actor actor, String queue, String messageId) {
      if (!actor.has(Role.CRM_ADMIN)) {
        throw new AccessDeniedException("only administrators retry dead letters");
      }
      calls.add("retry " + queue + " " + messageId);
      return new RetryResult(queue, List.of(messageId), 0L);
    }

    @Override
    public RetryResult retryAll(Actor actor, String queue) {
      calls.add("retryAll " + queue);
      return new RetryResult(queue, List.of("ID:1", "ID:2"), 0L);
    }

    @Override
    public ReplayResult replay(Actor actor, String routeId, Instant from) {
      calls.add("replay " + routeId + " " + from);
      return new ReplayResult(
          routeId,
          ReplayKind.REWIND_STREAMS,
          List.of(new StreamPosition("tryton", "party", new Watermark(from, 0), T)),
          null);
    }

    @Override
    public IntegrationMetrics metrics(Actor actor) {
      return new IntegrationMetrics(T, routes(actor), deadLetterQueues(actor));
    }
  }

  private final FakeIntegration fake = new FakeIntegration();
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void routeListShowsStateCountsTimesAndLagOfBothKinds() {
    IntegrationOutput.routes(fake.routes(ADMIN), true, out);
    String[] lines = out().split("\\R");
    assertThat(lines[0])
        .contains("Route", "State", "Done", "Failed", "In flight", "Last success", "Lag", "Error");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("crm-erp-facts", "STARTED", "10", "2", "2026-11-20T08:00:00Z")
                    .contains("3 queued", "NotFoundException"));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("crm-tryton-poll-party", "STOPPED", "90m old"));
  }

  @Test
  void dlqListShowsQueuesOrMessagesAndNamesAnUnknownQueue() {
    DlqListCommand.run(fake, ADMIN, null, 50, out, err);
    assertThat(out()).contains("crm.erp.facts.DLQ", "crm-erp-facts", "(broker)", "10000+");

    DlqListCommand.run(fake, ADMIN, "crm.erp.facts.DLQ", 50, out, err);
    assertThat(out())
        .contains("ID:1", "corr-1", "unknown customer: account with ERP reference C-9 does not...");

    DlqListCommand.run(fake, ADMIN, "crm.nope", 50, out, err);
    assertThat(err()).isEqualTo("Error: dead-letter queue crm.nope does not exist\n");
  }

  @Test
  void dlqRetryTakesAnIdOrAllButNotBothAndSaysWhenRefused() {
    DlqRetryCommand.run(fake, ADMIN, "crm.erp.facts.DLQ", "ID:1", false, out, err);
    DlqRetryCommand.run(fake, ADMIN, "crm.erp.facts.DLQ", null, true, out, err);
    assertThat(out())
        .contains("Retried 1 message of crm.erp.facts.DLQ; 0 left on it")
        .contains("Retried 2 messages of crm.erp.facts.DLQ");
    assertThat(fake.calls)
        .containsExactly("retry crm.erp.facts.DLQ ID:1", "retryAll crm.erp.facts.DLQ");

    DlqRetryCommand.run(fake, ADMIN, "crm.erp.facts.DLQ", null, false, out, err);
    DlqRetryCommand.run(fake, ADMIN, "crm.erp.facts.DLQ", "ID:1", true, out, err);
    Actor viewer = new Actor("vic", Set.of(Role.CRM_VIEWER), Actor.Channel.SHELL);
    DlqRetryCommand.run(fake, viewer, "crm.erp.facts.DLQ", "ID:1", false, out, err);
    assertThat(err())
        .isEqualTo(
            "Error: give either a message id or --all\n"
                + "Error: give either a message id or --all\n"
                + "Error: only administrators retry dead letters\n");
  }

  @Test
  void routeReplayParsesTheInstantAndPrintsTheNewPositions() {
    RouteReplayCommand.run(fake, ADMIN, "crm-tryton-poll-party", "yesterday", out, err);
    assertThat(err()).startsWith("Error: from must be an ISO-8601 instant");
    assertThat(fake.calls).isEmpty();

    RouteReplayCommand.run(fake, ADMIN, "crm-tryton-poll-party", "2026-01-01T00:00:00Z", out, err);
    assertThat(out())
        .isEqualTo(
            "Route crm-tryton-poll-party reads again from:\n"
                + "  tryton/party at 2026-01-01T00:00:00Z (id 0)\n");
  }
}
