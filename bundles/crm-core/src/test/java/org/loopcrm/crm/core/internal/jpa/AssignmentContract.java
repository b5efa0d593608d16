package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentRule;
import org.loopcrm.crm.api.assignment.AssignmentRuleDraft;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.Condition.Operator;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;
import org.loopcrm.crm.api.assignment.SweepResult;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.core.internal.erp.ErpLiveAccess;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/** Assignment rules, strategies, absences and the sweep (decisions.md §29), on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssignmentContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor MANAGER = new Actor("boss", Set.of(Role.CRM_MANAGER), Actor.Channel.REST);
  static final Actor SALES = new Actor("seller", Set.of(Role.CRM_SALES), Actor.Channel.REST);

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaActivityService activities;
  private JpaAssignmentService assignment;
  private JpaAccessService access;
  private JpaAuditService audit;
  private JpaOpportunityService opportunities;
  private Account account;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, clock);
    activities = new JpaActivityService(emf, clock, AccessPolicy.privateAccess());
    assignment = new JpaAssignmentService(emf, clock);
    access = new JpaAccessService(emf, Clock.systemUTC(), AccessPolicy.privateAccess());
    audit = new JpaAuditService(emf);
    opportunities =
        new JpaOpportunityService(
            emf,
            clock,
            AccessPolicy.privateAccess(),
            SalesPolicy.defaults(),
            new ErpLiveAccess(accounts, clock).service());
    account =
        accounts.create(
            ADMIN,
            new AccountDraft(
                "Assigned " + UUID.randomUUID(), null, "admin", LifecycleStage.PROSPECT));
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  @BeforeEach
  void noRules() {
    clock.set(Instant.now());
    for (AssignmentRule r : assignment.rules(ADMIN, null)) {
      assignment.deleteRule(ADMIN, r.id(), r.version());
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  private UUID team(String... members) {
    return access.createTeam(ADMIN, unique("team"), List.of(members)).id();
  }

  private static AssignmentRuleDraft rule(
      RecordKind kind,
      String name,
      Integer position,
      List<Condition> conditions,
      Strategy strategy,
      String user,
      UUID team) {
    return new AssignmentRuleDraft(
        kind, name, position, true, conditions, strategy, user, team, Set.of(), null, false);
  }

  private Activity task() {
    return activities.create(
        ADMIN,
        new ActivityDraft(
            ActivityKind.TASK,
            null,
            null,
            "call back",
            null,
            null,
            null,
            account.id(),
            null,
            List.of(),
            null,
            clock.instant().plus(Duration.ofDays(1)),
            null));
  }

  private static Map<String, Long> countBy(List<Activity> tasks, Function<Activity, String> f) {
    return tasks.stream().collect(Collectors.groupingBy(f, Collectors.counting()));
  }

  @Test
  void rulesAreTriedInOrderAndTheExplanationSaysWhyEarlierOnesDidNotMatch() {
    assignment.createRule(
        ADMIN,
        rule(
            RecordKind.LEAD,
            "dach",
            10,
            List.of(new Condition("country", Operator.IN, List.of("DE", "AT", "CH"))),
            Strategy.FIXED,
            "anna",
            null));
    assignment.createRule(
        ADMIN,
        rule(
            RecordKind.LEAD,
            "munich",
            5,
            List.of(
                new Condition("country", Operator.IN, List.of("DE")),
                new Condition("postcode", Operator.PREFIX, List.of("80", "81"))),
            Strategy.FIXED,
            "max",
            null));
    assignment.createRule(
        ADMIN,
        rule(
            RecordKind.LEAD,
            "big",
            20,
            List.of(new Condition("size", Operator.RANGE, List.of("1000", ""))),
            Strategy.FIXED,
            "kim",
            null));

    assertThat(assignment.rules(ADMIN, RecordKind.LEAD))
        .extracting(AssignmentRule::name)
        .containsExactly("munich", "dach", "big");
    assertThat(
            assignment
                .explain(SALES, RecordKind.LEAD, Map.of("country", "de", "postcode", "80 331"))
                .owner())
        .isEqualTo("max");
    Assignment hamburg =
        assignment.explain(SALES, RecordKind.LEAD, Map.of("country", "DE", "postcode", "20095"));
    assertThat(hamburg.owner()).isEqualTo("anna");
    assertThat(hamburg.ruleName()).isEqualTo("dach");
    assertThat(hamburg.reason()).isEqualTo(Assignment.Reason.DRY_RUN);
    assertThat(hamburg.explanation().get(0))
        .contains("'munich'")
        .contains("does not match")
        .contains("postcode '20095' is not PREFIX [80, 81]");
    Assignment big =
        assignment.explain(SALES, RecordKind.LEAD, Map.of("country", "US", "size", "5000"));
    assertThat(big.owner()).isEqualTo("kim");
    Assignment small =
        assignment.explain(SALES, RecordKind.LEAD, Map.of("country", "US", "size", "999"));
    assertThat(small.owner()).isNull();
    assertThat(small.explanation()).last().isEqualTo("no rule assigned the record");
    assertThat(assignment.explain(SALES, RecordKind.OPPORTUNITY, Map.of()).explanation())
        .containsExactly("no active OPPORTUNITY rule", "no rule assigned the record");
  }

  @Test
  void roundRobinTakesTurnsSkipsTheAbsentAndTheFullAndExplainsIt() {
    String a = unique("a");
    String b = unique("b");
    String c = unique("c");
    assignment.createRule(
        ADMIN,
        rule(RecordKind.TASK, "desk", null, List.of(), Strategy.ROUND_ROBIN, null, team(a, b, c)));
    List<Activity> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(task());
    }
    assertThat(six).extracting(Activity::owner).containsExactly(a, b, c, a, b, c);

    List<Assignment> history =
        assignment.history(SALES, RecordKind.TASK, six.get(0).id().toString());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).owner()).isEqualTo(a);
    assertThat(history.get(0).reason()).isEqualTo(Assignment.Reason.NEW);
    assertThat(history.get(0).explanation()).anyMatch(l -> l.contains("ROUND_ROBIN: picked " + a));
    assertThat(
            audit
                .history(ADMIN, AuditQuery.ofRecord("assignment", history.get(0).id(), 10))
                .items())
        .hasSize(1);

    assignment.addAbsence(
        ADMIN,
        b,
        clock.instant().minusSeconds(60),
        clock.instant().plus(Duration.ofDays(2)),
        "holiday");
    assignment.setCapacity(MANAGER, c, 2);
    Activity next = task();
    assertThat(next.owner()).isEqualTo(a);
    Activity after = task();
    assertThat(after.owner()).isEqualTo(a);
    List<String> why =
        assignment.history(ADMIN, RecordKind.TASK, after.id().toString()).get(0).explanation();
    assertThat(why).anyMatch(l -> l.contains("skipped " + b + ", absent until"));
    assertThat(why).anyMatch(l -> l.contains("skipped " + c + ", at capacity (2 open of 2)"));
  }

  @Test
  void twoConcurrentCallersNeverGetTheSameTurn() throws Exception {
    String a = unique("a");
    String b = unique("b");
    assignment.createRule(
        ADMIN,
        rule(RecordKind.TASK, "pair", null, List.of(), Strategy.ROUND_ROBIN, null, team(a, b)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<Activity>>> work = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        work.add(
            () -> {
              List<Activity> mine = new ArrayList<>();
              for (int i = 0; i < 5; i++) {
                mine.add(task());
              }
              return mine;
            });
      }
      List<Activity> all = new ArrayList<>();
      for (Future<List<Activity>> f : pool.invokeAll(work)) {
        all.addAll(f.get());
      }
      assertThat(countBy(all, Activity::owner)).containsEntry(a, 5L).containsEntry(b, 5L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void leastLoadedAndSkillsPickTheFreestQualifiedUser() {
    String busy = unique("busy");
    String free = unique("free");
    UUID t = team(busy, free);
    assignment.createRule(
        ADMIN, rule(RecordKind.TASK, "first", null, List.of(), Strategy.FIXED, busy, null));
    task();
    task();
    AssignmentRule first = assignment.rules(ADMIN, RecordKind.TASK).get(0);
    assignment.deleteRule(ADMIN, first.id(), first.version());
    assignment.createRule(
        ADMIN, rule(RecordKind.TASK, "least", null, List.of(), Strategy.LEAST_LOADED, null, t));
    Activity x = task();
    assertThat(x.owner()).isEqualTo(free);
    assertThat(assignment.history(ADMIN, RecordKind.TASK, x.id().toString()).get(0).explanation())
        .contains(busy + " has 2 open TASK records", free + " has 0 open TASK records");

    String german = unique("de");
    assignment.setSkills(ADMIN, german, Set.of("German", "cnc"));
    assignment.setSkills(ADMIN, free, Set.of("cnc"));
    assignment.createRule(
        ADMIN,
        new AssignmentRuleDraft(
            RecordKind.LEAD,
            "speaks",
            null,
            true,
            List.of(),
            Strategy.SKILLS,
            null,
            null,
            Set.of("german", "CNC"),
            null,
            false));
    Assignment pick = assignment.explain(ADMIN, RecordKind.LEAD, Map.of());
    assertThat(pick.owner()).isEqualTo(german);
    assertThat(pick.explanation()).anyMatch(l -> l.equals("SKILLS: " + free + " lacks [german]"));
    assertThat(assignment.assignee(SALES, german).skills())
        .containsExactlyInAnyOrder("german", "cnc");
  }

  @Test
  void theSweepReassignsRecordsOfAbsentOwnersAndOverdueFirstResponses() {
    String x = unique("x");
    String y = unique("y");
    assignment.createRule(
        ADMIN,
        new AssignmentRuleDraft(
            RecordKind.TASK,
            "sla",
            null,
            true,
            List.of(),
            Strategy.ROUND_ROBIN,
            null,
            team(x, y),
            Set.of(),
            30,
            true));
    Activity first = task();
    Activity second = task();
    Activity done = task();
    assertThat(List.of(first.owner(), second.owner(), done.owner())).containsExactly(x, y, x);
    activities.complete(ADMIN, done.id(), done.version());
    assertThat(
            assignment
                .history(ADMIN, RecordKind.TASK, first.id().toString())
                .get(0)
                .responseDueAt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));

    assertThat(assignment.sweep(ADMIN).reassigned()).isEmpty();
    assignment.addAbsence(
        new Actor(x, Set.of(Role.CRM_SALES), Actor.Channel.REST),
        x,
        clock.instant(),
        clock.instant().plus(Duration.ofDays(1)),
        null);
    clock.advance(Duration.ofSeconds(1));
    SweepResult swept = assignment.sweep(ADMIN);
    assertThat(swept.reassigned()).hasSize(1);
    Assignment moved = swept.reassigned().get(0);
    assertThat(moved.recordId()).isEqualTo(first.id().toString());
    assertThat(moved.owner()).isEqualTo(y);
    assertThat(moved.previousOwner()).isEqualTo(x);
    assertThat(moved.reason()).isEqualTo(Assignment.Reason.OWNER_ABSENT);
    assertThat(moved.explanation().get(0))
        .isEqualTo(x + " is absent: the record is assigned again");
    assertThat(activities.get(ADMIN, first.id()).owner()).isEqualTo(y);
    assertThat(activities.get(ADMIN, done.id()).owner()).isEqualTo(x);
    assertThat(assignment.history(ADMIN, RecordKind.TASK, first.id().toString()))
        .extracting(Assignment::reason)
        .containsExactly(Assignment.Reason.OWNER_ABSENT, Assignment.Reason.NEW);

    // y answers neither: after 30 minutes both tasks are overdue; x is still absent, so y keeps
    // them (no one else), and the sweep says so by re-assigning nothing.
    clock.advance(Duration.ofMinutes(31));
    assertThat(assignment.sweep(ADMIN).reassigned()).isEmpty();
    String z = unique("z");
    UUID t = assignment.rules(ADMIN, RecordKind.TASK).get(0).teamId();
    access.updateTeam(
        ADMIN, t, access.team(ADMIN, t).version(), access.team(ADMIN, t).name(), List.of(x, y, z));
    SweepResult overdue = assignment.sweep(ADMIN);
    assertThat(overdue.reassigned()).extracting(Assignment::owner).containsOnly(z);
    assertThat(overdue.reassigned())
        .extracting(Assignment::reason)
        .containsOnly(Assignment.Reason.RESPONSE_OVERDUE);
  }

  @Test
  void aTaskWithAnOwnerIsNotAssignedAndNobodyButAdminsAndManagersWriteRules() {
    assignment.createRule(
        ADMIN, rule(RecordKind.TASK, "all", null, List.of(), Strategy.FIXED, "anna", null));
    Activity mine =
        activities.create(
            ADMIN,
            new ActivityDraft(
                ActivityKind.TASK,
                null,
                null,
                "mine",
                null,
                null,
                null,
                account.id(),
                null,
                List.of(),
                "admin",
                null,
                null));
    assertThat(mine.owner()).isEqualTo("admin");
    assertThat(assignment.history(ADMIN, RecordKind.TASK, mine.id().toString())).isEmpty();

    assertThatThrownBy(
            () ->
                assignment.createRule(
                    SALES,
                    rule(RecordKind.TASK, "mine", null, List.of(), Strategy.FIXED, "x", null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> assignment.sweep(MANAGER)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                assignment.addAbsence(
                    SALES, "someone-else", clock.instant(), clock.instant().plusSeconds(60), null))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(
            assignment
                .addAbsence(
                    SALES,
                    SALES.user(),
                    clock.instant(),
                    clock.instant().plusSeconds(60),
                    "dentist")
                .user())
        .isEqualTo(SALES.user());
    assertThatThrownBy(
            () ->
                assignment.createRule(
                    ADMIN,
                    new AssignmentRuleDraft(
                        RecordKind.TASK,
                        " ",
                        null,
                        true,
                        List.of(new Condition("size", Operator.RANGE, List.of("1"))),
                        Strategy.ROUND_ROBIN,
                        null,
                        null,
                        Set.of(),
                        null,
                        true)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactlyInAnyOrder(
                        "name", "conditions[0].values", "teamId", "escalate"));
    assertThatThrownBy(
            () ->
                assignment.createRule(
                    ADMIN,
                    rule(RecordKind.TASK, "all", null, List.of(), Strategy.FIXED, "bob", null)))
        .isInstanceOf(ConflictException.class);
    AssignmentRule r = assignment.rules(ADMIN, RecordKind.TASK).get(0);
    assertThatThrownBy(
            () ->
                assignment.updateRule(
                    ADMIN,
                    r.id(),
                    r.version() + 1,
                    rule(RecordKind.TASK, "all", null, List.of(), Strategy.FIXED, "bob", null)))
        .isInstanceOf(StaleVersionException.class);
    assertThat(
            assignment
                .updateRule(
                    MANAGER,
                    r.id(),
                    r.version(),
                    rule(RecordKind.TASK, "all", 3, List.of(), Strategy.FIXED, "bob", null))
                .user())
        .isEqualTo("bob");
  }

  @Test
  void anOpportunityWithoutAnOwnerIsAssignedAndLeavesTheSweepWhenLost() {
    String a = unique("a");
    String b = unique("b");
    assignment.createRule(
        ADMIN,
        new AssignmentRuleDraft(
            RecordKind.OPPORTUNITY,
            "big deals",
            null,
            true,
            List.of(new Condition("amount", Operator.RANGE, List.of("10000", ""))),
            Strategy.ROUND_ROBIN,
            null,
            team(a, b),
            Set.of(),
            null,
            false));
    java.time.LocalDate close =
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(30);
    Opportunity big =
        opportunities.create(
            ADMIN,
            new OpportunityDraft(
                account.id(),
                null,
                "Big",
                null,
                null,
                null,
                null,
                null,
                new java.math.BigDecimal("50000"),
                null,
                close,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(big.owner()).isEqualTo(a);
    Opportunity small =
        opportunities.create(
            ADMIN,
            new OpportunityDraft(
                account.id(),
                null,
                "Small",
                null,
                null,
                null,
                null,
                null,
                new java.math.BigDecimal("500"),
                null,
                close,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(small.owner()).isEqualTo("admin");
    Opportunity given =
        opportunities.create(
            ADMIN,
            new OpportunityDraft(
                account.id(),
                null,
                "Given",
                null,
                null,
                null,
                null,
                null,
                new java.math.BigDecimal("90000"),
                null,
                close,
                "admin",
                null,
                null,
                null,
                null,
                null));
    assertThat(given.owner()).isEqualTo("admin");
    assertThat(assignment.history(ADMIN, RecordKind.OPPORTUNITY, big.id().toString()))
        .singleElement()
        .satisfies(x -> assertThat(x.ruleName()).isEqualTo("big deals"));

    Opportunity lost = opportunities.lose(ADMIN, big.id(), big.version(), null, "price", null);
    assertThat(lost.status()).isEqualTo(org.loopcrm.crm.api.sales.StageKind.LOST);
    assignment.addAbsence(
        ADMIN, a, clock.instant().minusSeconds(1), clock.instant().plusSeconds(3600), null);
    assertThat(assignment.sweep(ADMIN).reassigned())
        .extracting(Assignment::recordId)
        .doesNotContain(big.id().toString());
  }
}
