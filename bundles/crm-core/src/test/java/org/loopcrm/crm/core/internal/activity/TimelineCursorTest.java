package org.loopcrm.crm.core.internal.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;

class TimelineCursorTest {
  private static final Instant T = Instant.parse("2026-01-15T10:00:00.123456Z");
  private final TimelineCursor cursor = new TimelineCursor("timeline|a", T, "audit", 42);

  @Test
  void roundTripsAndStaysBoundToItsQuery() {
    assertThat(TimelineCursor.decode(cursor.encode(), "timeline|a")).isEqualTo(cursor);
    assertThatThrownBy(() -> TimelineCursor.decode(cursor.encode(), "timeline|b"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("another query");
    assertThatThrownBy(() -> TimelineCursor.decode("not a cursor!", "timeline|a"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void ordersByTimeThenSourceThenSequenceAllDescending() {
    assertThat(cursor.before(T.minusNanos(1000), "consent", 99)).isTrue();
    assertThat(cursor.before(T.plusNanos(1000), "activity", 1)).isFalse();
    assertThat(cursor.before(T, "activity", 99)).isTrue();
    assertThat(cursor.before(T, "consent", 1)).isFalse();
    assertThat(cursor.before(T, "audit", 41)).isTrue();
    assertThat(cursor.before(T, "audit", 42)).isFalse();
  }

  @Test
  void theSqlConditionMatchesTheOrder() {
    assertThat(cursor.condition("activity", "a.at", "a.seq")).isEqualTo("a.at <= :curAt");
    assertThat(cursor.condition("consent", "c.at", "c.seq")).isEqualTo("c.at < :curAt");
    assertThat(cursor.condition("audit", "e.at", "e.seq"))
        .isEqualTo("(e.at < :curAt or (e.at = :curAt and e.seq < :curSeq))");
    assertThat(cursor.usesSequence("audit")).isTrue();
    assertThat(cursor.usesSequence("activity")).isFalse();
  }
}
