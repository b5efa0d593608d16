package org.loopcrm.crm.routes.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.event.OutboxService;
import org.loopcrm.crm.api.plugin.AsyncPluginRunner;
import org.loopcrm.crm.api.plugin.PluginNotRegisteredException;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;
import org.loopcrm.crm.routes.internal.outbox.OutboxRelayRouteBuilder;

/**
 * ASYNC plugin jobs from the outbox, through the relay and a real Artemis queue, to the runner:
 * after commit, in order per record, retried and dead-lettered with the reason.
 */
class AsyncPluginRouteBuilderTest {
  private static final String QUEUE = "crm.plugins.async";
  private static final String DLQ = "DLQ.crm.plugins.async";
  private static final int RETRIES = 3;

  private TestBroker broker;
  private RuntimeHarness runtime;
  private final Outbox outbox = new Outbox();
  private final Runner runner = new Runner();

  @BeforeEach
  void setUp() throws Exception {
    broker = new TestBroker();
    runtime = new RuntimeHarness(broker, 50, 10, RETRIES, 20);
  }

  @AfterEach
  void tearDown() throws Exception {
    runtime.close();
    broker.close();
  }

  private void start() {
    runtime.add(new OutboxRelayRouteBuilder(outbox));
    runtime.add(new AsyncPluginRouteBuilder(runner));
  }

  @Test
  void aCommittedJobRunsItsPluginAndNeverReachesTheEventsTopic() throws Exception {
    BlockingQueue<Message> topic = broker.subscribe("crm.events");
    outbox.add("A-1", "account.created", "{\"n\":1}");
    String job = outbox.addJob("A-1", "example.ok");
    start();

    Poll.until("the plugin ran", () -> runner.calls.size() == 1);
    assertThat(runner.calls).containsExactly(job);
    Poll.until("the outbox relayed", () -> outbox.pendingCount() == 0);
    Poll.until("the event on the topic", () -> topic.size() == 1);
    assertThat(topic.take().getStringProperty("CrmEventType")).isEqualTo("account.created");
    assertThat(broker.receive(DLQ, 200)).isNull();
    assertThat(topic).isEmpty();
  }

  @Test
  void aFailingPluginIsRetriedAndThenDeadLetteredWithTheReason() throws Exception {
    runner.failures.put("example.broken", Integer.MAX_VALUE);
    String job = outbox.addJob("A-1", "example.broken");
    String next = outbox.addJob("B-2", "example.ok");
    start();

    Message dead = broker.receive(DLQ, 20_000);

    assertThat(dead).as("a dead-lettered job").isNotNull();
    assertThat(((TextMessage) dead).getText()).isEqualTo(job);
    assertThat(dead.getStringProperty("CrmDeadLetterReason"))
        .isEqualTo("failed: IllegalStateException: example.broken is broken");
    assertThat(dead.getIntProperty("CrmAttempts")).as(props(dead)).isEqualTo(RETRIES + 1);
    assertThat(dead.getStringProperty("JMSXGroupID")).isEqualTo("A-1");
    Poll.until("the next job ran", () -> runner.calls.contains(next));
    assertThat(runner.calls.stream().filter(job::equals)).hasSize(RETRIES + 1);
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  @Test
  void aTransientFailureIsRetriedAndTheRecordsLaterJobsWaitForIt() throws Exception {
    runner.failures.put("example.flaky", 2);
    String first = outbox.addJob("A-1", "example.flaky");
    String second = outbox.addJob("A-1", "example.ok");
    start();

    Poll.until("both ran", () -> runner.calls.contains(second));
    assertThat(runner.calls).containsExactly(first, first, first, second);
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  @Test
  void aJobWhosePluginIsGoneIsDeadLetteredSayingSo() throws Exception {
    String job = outbox.addJob("A-1", "example.gone");
    start();

    Message dead = broker.receive(DLQ, 20_000);

    assertThat(dead).isNotNull();
    assertThat(((TextMessage) dead).getText()).isEqualTo(job);
    assertThat(dead.getStringProperty("CrmDeadLetterReason"))
        .isEqualTo("plugin not registered: no ASYNC record plugin example.gone is registered");
  }

  @Test
  void aVetoAfterCommitIsAFailure() throws Exception {
    outbox.addJob("A-1", "example.veto");
    start();

    Message dead = broker.receive(DLQ, 20_000);

    assertThat(dead).isNotNull();
    assertThat(dead.getStringProperty("CrmDeadLetterReason"))
        .isEqualTo("vetoed after commit, which refuses nothing: no");
    assertThat(dead.getIntProperty("CrmAttempts")).isEqualTo(RETRIES + 1);
  }

  private static String props(Message m) {
    try {
      StringBuilder b = new StringBuilder();
      for (var e = m.getPropertyNames(); e.hasMoreElements(); ) {
        String n = (String) e.nextElement();
        b.append(n).append('=').append(m.getObjectProperty(n)).append(' ');
      }
      return b.toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** A runner double: jobs are {"data":{"plugin":KEY,"n":N}}, the key says what happens. */
  static final class Runner implements AsyncPluginRunner {
    private static final Pattern KEY = Pattern.compile("\"plugin\":\"([^\"]+)\"");
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @Override
    public void run(String job) {
      calls.add(job);
      Matcher m = KEY.matcher(job);
      if (!m.find()) {
        throw new IllegalArgumentException("no plugin");
      }
      String key = m.group(1);
      switch (key) {
        case "example.gone" -> throw new PluginNotRegisteredException(key);
        case "example.veto" -> throw new PluginVetoException("no");
        default -> {
          int left = failures.getOrDefault(key, 0);
          if (left > 0) {
            failures.put(key, left - 1);
            throw new IllegalStateException(key + " is broken");
          }
        }
      }
    }
  }

  /** An outbox double: events in memory, sent ones remembered. */
  static final class Outbox implements OutboxService {
    private final List<OutboxEvent> events = new CopyOnWriteArrayList<>();
    private final Set<Long> sent = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();

    void add(String aggregateId, String type, String payload) {
      events.add(
          new OutboxEvent(
              sequence.incrementAndGet(),
              UUID.randomUUID(),
              "account",
              aggregateId,
              type,
              payload,
              Instant.now()));
    }

    String addJob(String aggregateId, String pluginKey) {
      String payload =
          "{\"type\":\""
              + AsyncPluginRunner.JOB_EVENT_TYPE
              + "\",\"data\":{\"plugin\":\""
              + pluginKey
              + "\",\"n\":"
              + (sequence.get() + 1)
              + "}}";
      add(aggregateId, AsyncPluginRunner.JOB_EVENT_TYPE, payload);
      return payload;
    }

    @Override
    public int purgeSent(Instant sentBefore, int max) {
      throw new AssertionError("not called by the code under test");
    }

    @Override
    public List<OutboxEvent> pending(int max) {
      List<OutboxEvent> out = new ArrayList<>();
      events.stream()
          .filter(e -> !sent.contains(e.sequence()))
          .sorted(Comparator.comparingLong(OutboxEvent::sequence))
          .limit(max)
          .forEach(out::add);
      return out;
    }

    @Override
    public void markSent(List<Long> sequences) {
      sent.addAll(sequences);
    }

    @Override
    public long pendingCount() {
      return events.stream().filter(e -> !sent.contains(e.sequence())).count();
    }
  }
}
