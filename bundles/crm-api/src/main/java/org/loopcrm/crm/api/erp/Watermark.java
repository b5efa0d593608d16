package org.loopcrm.crm.api.erp;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a poller has read one stream of an ERP that pushes nothing: the last change seen, as the
 * pair (write time, id) so that rows written in the same instant are neither skipped nor read
 * twice. It is stored in the same transaction as the effect of the change it names.
 *
 * @param changedAt the write time of the last change applied
 * @param lastId the ERP id of that row, ordering rows with the same write time
 */
public record Watermark(Instant changedAt, long lastId) implements Comparable<Watermark> {

  /** The start of every stream: nothing read yet. */
  public static final Watermark ORIGIN = new Watermark(Instant.EPOCH, 0);

  /** Checks the parts. */
  public Watermark {
    Objects.requireNonNull(changedAt, "changedAt");
  }

  /** Whether a row written at {@code at} with id {@code id} comes after this mark. */
  public boolean isBefore(Instant at, long id) {
    int c = changedAt.compareTo(at);
    return c < 0 || (c == 0 && lastId < id);
  }

  @Override
  public int compareTo(Watermark o) {
    int c = changedAt.compareTo(o.changedAt);
    return c != 0 ? c : Long.compare(lastId, o.lastId);
  }
}
