package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentRuleDraft;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AssignmentView;
import org.loopcrm.crm.rest.internal.AssignmentDtos.ConditionBody;
import org.loopcrm.crm.rest.internal.AssignmentDtos.ExplainBody;
import org.loopcrm.crm.rest.internal.AssignmentDtos.RuleBody;

class AssignmentDtosTest {

  @Test
  void aRuleIsActiveUnlessToldOtherwiseAndReadsItsEnumsIgnoringCase() {
    UUID team = UUID.randomUUID();
    AssignmentRuleDraft d =
        new RuleBody(
                "lead",
                "DACH",
                null,
                null,
                List.of(new ConditionBody("country", "in", List.of("DE", "AT"))),
                "round_robin",
                null,
                team.toString(),
                null,
                60,
                null)
            .toDraft();
    assertThat(d.kind()).isEqualTo(RecordKind.LEAD);
    assertThat(d.active()).isTrue();
    assertThat(d.escalate()).isFalse();
    assertThat(d.strategy()).isEqualTo(Strategy.ROUND_ROBIN);
    assertThat(d.teamId()).isEqualTo(team);
    assertThat(d.conditions())
        .containsExactly(new Condition("country", Condition.Operator.IN, List.of("DE", "AT")));
  }

  @Test
  void badEnumsAndIdsAreFieldErrorsNotMalformedJson() {
    assertThatThrownBy(
            () ->
                new RuleBody(
                        "ACCOUNT",
                        "x",
                        null,
                        true,
                        List.of(new ConditionBody("country", "LIKE", List.of("D%"))),
                        "RANDOM",
                        null,
                        "team-1",
                        null,
                        null,
                        false)
                    .toDraft())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("kind", "strategy", "teamId", "conditions[0].operator"));
    assertThatThrownBy(() -> new ExplainBody(null, null).recordKind())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("kind");
  }

  @Test
  void anAssignmentShowsItsExplanationAndOmitsNothingOfIt() {
    Instant at = Instant.parse("2026-01-05T09:00:00Z");
    AssignmentView v =
        AssignmentView.of(
            new Assignment(
                null,
                RecordKind.TASK,
                null,
                "anna",
                null,
                null,
                "desk",
                Strategy.FIXED,
                Assignment.Reason.DRY_RUN,
                List.of("rule 'desk' (position 10) matches", "FIXED: the owner is anna"),
                "admin",
                at,
                at.plusSeconds(1800)));
    assertThat(v.reason()).isEqualTo("DRY_RUN");
    assertThat(v.strategy()).isEqualTo("FIXED");
    assertThat(v.explanation()).hasSize(2);
    assertThat(v.responseDueAt()).isEqualTo("2026-01-05T09:30:00Z");
    assertThat(Set.of(v.assignedAt())).containsExactly("2026-01-05T09:00:00Z");
  }
}
