package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentRule;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;

class AssignmentShellOutputTest {
  private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

  private static String capture(Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rulesShowTheirConditionsStrategyAndDeadline() {
    AssignmentRule r =
        new AssignmentRule(
            UUID.randomUUID(),
            RecordKind.LEAD,
            "dach",
            10,
            true,
            List.of(new Condition("country", Condition.Operator.IN, List.of("DE", "AT"))),
            Strategy.FIXED,
            "anna",
            null,
            Set.of(),
            30,
            true,
            0,
            T);
    String out = capture(ps -> AssignmentOutput.rules(List.of(r), ps));
    assertThat(out)
        .contains("dach")
        .contains("anna")
        .contains("country IN [DE, AT]")
        .contains("respond in 30 min, escalates");
    assertThat(capture(ps -> AssignmentOutput.rules(List.of(), ps)))
        .contains("no assignment rules");
  }

  @Test
  void anExplanationListsEveryStep() {
    Assignment a =
        new Assignment(
            null,
            RecordKind.LEAD,
            null,
            null,
            null,
            null,
            null,
            null,
            Assignment.Reason.DRY_RUN,
            List.of(
                "rule 'dach' (position 10) does not match: country 'FR' is not IN [DE]",
                "no rule assigned the record"),
            "admin",
            T,
            null);
    String out = capture(ps -> AssignmentOutput.assignment(a, ps));
    assertThat(out).startsWith("nobody").contains("  - rule 'dach'").contains("  - no rule");
  }

  @Test
  void argumentsAndErrorsAreReadable() {
    assertThat(AssignmentOutput.attributes(List.of("country=DE", "postcode=80 331")))
        .containsEntry("country", "DE")
        .containsEntry("postcode", "80 331");
    assertThatThrownBy(() -> AssignmentOutput.attributes(List.of("DE")))
        .hasMessageContaining("'DE' is not key=value");
    assertThatThrownBy(() -> AssignmentOutput.kind("account"))
        .hasMessageContaining("LEAD, OPPORTUNITY, CASE, TASK");
    String err =
        capture(
            ps ->
                AssignmentOutput.error(
                    new ValidationException(List.of(new FieldError("teamId", "no such team"))),
                    ps));
    assertThat(err).contains("teamId: no such team");
  }
}
