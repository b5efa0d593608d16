package org.loopcrm.crm.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;

class AuditCursorTest {
  private static final String SCOPE = "user:ada\nwith a newline";

  @Test
  void roundTripsAndIsBoundToItsScope() {
    AuditCursor c = new AuditCursor(SCOPE, Instant.parse("2025-01-02T03:04:05.123456Z"), 42);

    assertThat(AuditCursor.decode(c.encode(), SCOPE)).isEqualTo(c);
    assertThatThrownBy(() -> AuditCursor.decode(c.encode(), "user:bob"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("another history");
  }

  @Test
  void garbageIsAValidationErrorOnCursor() {
    assertThatThrownBy(() -> AuditCursor.decode("%%%", SCOPE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
    assertThatThrownBy(() -> AuditCursor.decode("YTEKbm90LWEtdGltZQo0Mgp1c2VyOmFkYQ", "user:ada"))
        .isInstanceOf(ValidationException.class);
  }
}
