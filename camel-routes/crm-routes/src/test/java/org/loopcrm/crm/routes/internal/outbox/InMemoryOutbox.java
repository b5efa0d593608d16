package org.loopcrm.crm.routes.internal.outbox;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.event.OutboxService;

/** A test double of the outbox: events in memory, with a record of the relay's calls. */
final class InMemoryOutbox implements OutboxService {
  private final List<OutboxEvent> events = new CopyOnWriteArrayList<>();
  private final Set<Long> sent = ConcurrentHashMap.newKeySet();
  final List<List<Long>> markSentCalls = new CopyOnWriteArrayList<>();
  final AtomicInteger polls = new AtomicInteger();

  void add(OutboxEvent event) {
    events.add(event);
  }

  Set<Long> sent() {
    return Set.copyOf(sent);
  }

  @Override
  public List<OutboxEvent> pending(int max) {
    polls.incrementAndGet();
    return events.stream()
        .filter(e -> !sent.contains(e.sequence()))
        .sorted(Comparator.comparingLong(OutboxEvent::sequence))
        .limit(max)
        .toList();
  }

  @Override
  public void markSent(List<Long> sequences) {
    markSentCalls.add(List.copyOf(sequences));
    sent.addAll(sequences);
  }

  @Override
  public long pendingCount() {
    return events.stream().filter(e -> !sent.contains(e.sequence())).count();
  }

  @Override
  public int purgeSent(java.time.Instant sentBefore, int max) {
    throw new AssertionError("not called by the code under test");
  }
}
