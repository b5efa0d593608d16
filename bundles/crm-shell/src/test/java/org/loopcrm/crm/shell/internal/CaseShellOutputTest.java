package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.servicecase.CaseChannel;
import org.loopcrm.crm.api.servicecase.CaseEvent;
import org.loopcrm.crm.api.servicecase.CaseEventKind;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseStatus;
import org.loopcrm.crm.api.servicecase.ServiceCase;

class CaseShellOutputTest {
  private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000ca");

  private static String capture(Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static ServiceCase serviceCase(Instant firstResponse) {
    return new ServiceCase(
        ID,
        "CASE-000042",
        ID,
        null,
        "Printer jams",
        "Page 3 jams",
        CaseChannel.EMAIL,
        CasePriority.URGENT,
        "hardware",
        "PR-100",
        CaseStatus.OPEN,
        "anna",
        T.plusSeconds(3600),
        firstResponse,
        null,
        null,
        4,
        "admin",
        T,
        T);
  }

  @Test
  void theListShowsNumberStatusPriorityOwnerAndSubject() {
    String out = capture(p -> CaseOutput.list(List.of(serviceCase(null)), p));
    assertThat(out.lines().toList().get(1))
        .startsWith("CASE-000042 " + ID)
        .contains("OPEN")
        .contains("URGENT")
        .contains("anna")
        .endsWith("Printer jams");
    assertThat(capture(p -> CaseOutput.list(List.of(), p))).isEqualTo("no cases\n");
  }

  @Test
  void showPrintsTheDeadlineUntilTheFirstResponseAndTheThread() {
    List<CaseEvent> thread =
        List.of(
            new CaseEvent(ID, ID, CaseEventKind.CREATED, null, CaseStatus.NEW, null, "admin", T),
            new CaseEvent(
                ID,
                ID,
                CaseEventKind.STATUS_CHANGED,
                CaseStatus.NEW,
                CaseStatus.OPEN,
                null,
                "anna",
                T),
            new CaseEvent(ID, ID, CaseEventKind.REPLY, null, null, "On it", "anna", T));
    String waiting = capture(p -> CaseOutput.show(serviceCase(null), thread, p));
    assertThat(waiting)
        .contains("case:      CASE-000042  Printer jams")
        .contains("response:  due by 2026-06-01T11:00:00Z")
        .contains("about:     hardware (product PR-100)")
        .contains("anna  NEW -> OPEN")
        .contains("anna  reply: On it");
    assertThat(capture(p -> CaseOutput.show(serviceCase(T), List.of(), p)))
        .contains("response:  first at 2026-06-01T10:00:00Z");
  }

  @Test
  void aBadStatusNamesTheGoodOnesAndRefusalsReadAsErrors() {
    assertThatThrownBy(() -> CaseListCommand.parse(CaseStatus.class, "status", "done"))
        .hasMessage("'done' is not a status: NEW, OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED");
    assertThat(CaseListCommand.parse(CaseStatus.class, "status", "resolved"))
        .isEqualTo(CaseStatus.RESOLVED);
    String err =
        capture(
            p ->
                AssignmentOutput.error(
                    new ConflictException("case CASE-000042 is NEW: it cannot become RESOLVED"),
                    p));
    assertThat(err).isEqualTo("Error: case CASE-000042 is NEW: it cannot become RESOLVED\n");
  }
}
