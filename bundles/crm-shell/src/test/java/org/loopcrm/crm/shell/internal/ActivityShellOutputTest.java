package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.TaskStatus;
import org.loopcrm.crm.api.activity.TimelineItem;

class ActivityShellOutputTest {
  private static final Activity TASK =
      new Activity(
          UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
          ActivityKind.TASK,
          null,
          null,
          "Send the offer",
          null,
          Instant.EPOCH,
          null,
          UUID.randomUUID(),
          null,
          List.of(),
          "sales",
          Instant.parse("2026-02-01T09:00:00Z"),
          null,
          null,
          TaskStatus.OPEN,
          null,
          null,
          0,
          Instant.EPOCH,
          "sales",
          Instant.EPOCH);

  private static String capture(java.util.function.Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void activityListIsATableWithTheNextCursor() {
    String out =
        capture(
            p -> ActivityListCommand.print("acc", new Page<>(List.of(TASK), Optional.of("x")), p));
    assertThat(out)
        .contains("Subject")
        .contains("Send the offer")
        .contains("TASK")
        .contains("OPEN");
    assertThat(out).contains("crm:activity-list acc --cursor x");
  }

  @Test
  void aLoggedActivityIsOneLine() {
    assertThat(capture(p -> ActivityLogCommand.print(TASK, p)))
        .contains("TASK 00000000-0000-0000-0000-0000000000a1 \"Send the offer\" by sales, OPEN")
        .contains("due 2026-02-01T09:00:00Z");
  }

  @Test
  void timelineIsATableWithTheNextCursor() {
    TimelineItem item =
        new TimelineItem(
            "account.updated",
            Instant.parse("2026-01-01T00:00:00Z"),
            "Account updated",
            "stage: PROSPECT → CUSTOMER",
            "audit",
            "account",
            UUID.randomUUID(),
            "sales",
            Map.of());
    String out =
        capture(p -> TimelineCommand.print("acc", new Page<>(List.of(item), Optional.of("y")), p));
    assertThat(out).contains("account.updated").contains("Account updated").contains("sales");
    assertThat(out).contains("crm:timeline acc --cursor y");
  }

  @Test
  void unknownKindsAreRefused() {
    assertThat(ActivityListCommand.kinds(List.of("call,Task"))).hasSize(2);
    assertThatThrownBy(() -> ActivityListCommand.kinds(List.of("fax")))
        .isInstanceOf(ValidationException.class);
  }
}
