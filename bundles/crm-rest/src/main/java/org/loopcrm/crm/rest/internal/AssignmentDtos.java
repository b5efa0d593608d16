package org.loopcrm.crm.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.assignment.Absence;
import org.loopcrm.crm.api.assignment.Assignee;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentRule;
import org.loopcrm.crm.api.assignment.AssignmentRuleDraft;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;
import org.loopcrm.crm.api.assignment.SweepResult;

/** The JSON shapes of assignment rules, assignments and what the rules know of users. */
final class AssignmentDtos {
  private AssignmentDtos() {}

  /** A condition as it is written. */
  record ConditionBody(String attribute, String operator, List<String> values) {}

  /**
   * A rule as it is created or replaced. Enums are read here, so a bad one is a 422 naming the
   * field, not a 400.
   */
  record RuleBody(
      String kind,
      String name,
      Integer position,
      Boolean active,
      List<ConditionBody> conditions,
      String strategy,
      String user,
      String teamId,
      List<String> skills,
      Integer responseMinutes,
      Boolean escalate) {

    AssignmentRuleDraft toDraft() {
      List<FieldError> errors = new ArrayList<>();
      RecordKind k = parse(RecordKind.class, "kind", kind, errors);
      Strategy s = parse(Strategy.class, "strategy", strategy, errors);
      UUID team = null;
      if (teamId != null && !teamId.isBlank()) {
        try {
          team = UUID.fromString(teamId.strip());
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("teamId", "is not a team id"));
        }
      }
      List<Condition> cs = new ArrayList<>();
      if (conditions != null) {
        for (int i = 0; i < conditions.size(); i++) {
          ConditionBody c = conditions.get(i);
          if (c == null) {
            errors.add(new FieldError("conditions[" + i + "]", "is null"));
            continue;
          }
          Condition.Operator op =
              parse(
                  Condition.Operator.class, "conditions[" + i + "].operator", c.operator(), errors);
          cs.add(new Condition(c.attribute(), op, c.values()));
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return new AssignmentRuleDraft(
          k,
          name,
          position,
          active == null || active,
          cs,
          s,
          user,
          team,
          skills == null ? null : new LinkedHashSet<>(skills),
          responseMinutes,
          escalate != null && escalate);
    }
  }

  /** A condition as the API shows it. */
  record ConditionView(String attribute, String operator, List<String> values) {
    static ConditionView of(Condition c) {
      return new ConditionView(c.attribute(), c.operator().name(), c.values());
    }
  }

  /** A rule as the API shows it. */
  record RuleView(
      UUID id,
      String kind,
      String name,
      int position,
      boolean active,
      List<ConditionView> conditions,
      String strategy,
      String user,
      UUID teamId,
      List<String> skills,
      Integer responseMinutes,
      boolean escalate,
      long version,
      String updatedAt) {
    static RuleView of(AssignmentRule r) {
      return new RuleView(
          r.id(),
          r.kind().name(),
          r.name(),
          r.position(),
          r.active(),
          r.conditions().stream().map(ConditionView::of).toList(),
          r.strategy().name(),
          r.user(),
          r.teamId(),
          r.skills().stream().sorted().toList(),
          r.responseMinutes(),
          r.escalate(),
          r.version(),
          r.updatedAt() == null ? null : r.updatedAt().toString());
    }
  }

  /** Rules in the order they are tried. */
  record RuleList(List<RuleView> items) {}

  /** A dry run: the kind of record and its attributes. */
  record ExplainBody(String kind, Map<String, String> attributes) {
    RecordKind recordKind() {
      List<FieldError> errors = new ArrayList<>();
      RecordKind k = parse(RecordKind.class, "kind", kind, errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return k;
    }
  }

  /** An assignment with its explanation. */
  record AssignmentView(
      UUID id,
      String kind,
      String recordId,
      String owner,
      String previousOwner,
      UUID ruleId,
      String ruleName,
      String strategy,
      String reason,
      List<String> explanation,
      String assignedBy,
      String assignedAt,
      String responseDueAt) {
    static AssignmentView of(Assignment a) {
      return new AssignmentView(
          a.id(),
          a.kind().name(),
          a.recordId(),
          a.owner(),
          a.previousOwner(),
          a.ruleId(),
          a.ruleName(),
          a.strategy() == null ? null : a.strategy().name(),
          a.reason().name(),
          a.explanation(),
          a.assignedBy(),
          a.assignedAt() == null ? null : a.assignedAt().toString(),
          a.responseDueAt() == null ? null : a.responseDueAt().toString());
    }
  }

  /** A record's assignments, newest first. */
  record AssignmentList(List<AssignmentView> items) {}

  /** What a sweep did. */
  record SweepView(int examined, List<AssignmentView> reassigned) {
    static SweepView of(SweepResult r) {
      return new SweepView(r.examined(), r.reassigned().stream().map(AssignmentView::of).toList());
    }
  }

  /** An absence. */
  record AbsenceView(UUID id, String user, String from, String to, String reason) {
    static AbsenceView of(Absence a) {
      return new AbsenceView(a.id(), a.user(), a.from().toString(), a.to().toString(), a.reason());
    }
  }

  /** What the rules know of a user. */
  record AssigneeView(
      String user, Integer capacity, List<String> skills, List<AbsenceView> absences) {
    static AssigneeView of(Assignee a) {
      return new AssigneeView(
          a.user(),
          a.capacity(),
          a.skills().stream().sorted().toList(),
          a.absences().stream().map(AbsenceView::of).toList());
    }
  }

  /** A user's capacity per kind of record; null for no limit. */
  record CapacityBody(Integer capacity) {}

  /** A user's skills. */
  record SkillsBody(List<String> skills) {}

  /** An absence as it is recorded; instants in ISO-8601. */
  record AbsenceBody(String from, String to, String reason) {}

  static <E extends Enum<E>> E parse(
      Class<E> type, String field, String value, List<FieldError> errors) {
    if (value != null) {
      try {
        return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    errors.add(new FieldError(field, "must be one of " + String.join(", ", names)));
    return null;
  }
}
