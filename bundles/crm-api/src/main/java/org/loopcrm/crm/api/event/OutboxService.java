package org.loopcrm.crm.api.event;

import java.util.List;

/**
 * The relay's view of the outbox. A relay takes pending events in sequence order, publishes them
 * and then marks them sent; if it dies in between, the same events are taken again (at least once).
 */
public interface OutboxService {

  /** Up to {@code max} unsent events, oldest first. */
  List<OutboxEvent> pending(int max);

  /**
   * Marks the events with these sequence numbers as sent; unknown or already-sent ones are ignored.
   */
  void markSent(List<Long> sequences);

  /** How many events wait to be sent. */
  long pendingCount();

  /**
   * Deletes up to {@code max} events sent before {@code sentBefore} that no webhook delivery refers
   * to any more, oldest first; housekeeping, so the outbox does not grow without bound.
   *
   * @return how many were deleted; fewer than {@code max} means none is left to delete
   */
  int purgeSent(java.time.Instant sentBefore, int max);
}
