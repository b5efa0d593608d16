package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.access.PrincipalType;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.activity.TimelineItem;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentRule;
import org.loopcrm.crm.api.assignment.AssignmentRuleDraft;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.Condition.Operator;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;
import org.loopcrm.crm.api.assignment.SweepResult;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.api.servicecase.CaseChannel;
import org.loopcrm.crm.api.servicecase.CaseDraft;
import org.loopcrm.crm.api.servicecase.CaseEvent;
import org.loopcrm.crm.api.servicecase.CaseEventKind;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseQuery;
import org.loopcrm.crm.api.servicecase.CaseStatus;
import org.loopcrm.crm.api.servicecase.ServiceCase;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/**
 * Service cases (decisions.md §36) on each database: assignment by CASE rules, the sweep, the
 * guarded lifecycle, optimistic locking, record-level access, the thread on the timeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CasesContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaCaseService cases;
  private JpaAssignmentService assignment;
  private JpaAccessService access;
  private JpaAuditService audit;
  private JpaTimelineService timeline;
  private JpaPartyService parties;
  private Account account;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, clock);
    cases = new JpaCaseService(emf, clock, AccessPolicy.privateAccess());
    assignment = new JpaAssignmentService(emf, clock);
    access = new JpaAccessService(emf, clock, AccessPolicy.privateAccess());
    audit = new JpaAuditService(emf);
    timeline = new JpaTimelineService(emf);
    parties = new JpaPartyService(emf, clock, AccessPolicy.privateAccess());
    account =
        accounts.create(
            ADMIN,
            new AccountDraft("Cased " + UUID.randomUUID(), null, "admin", LifecycleStage.CUSTOMER));
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

  private static Actor agent(String user) {
    return new Actor(user, Set.of(Role.CRM_SERVICE), Actor.Channel.REST);
  }

  private UUID team(String... members) {
    return access.createTeam(ADMIN, unique("team"), List.of(members)).id();
  }

  private static CaseDraft draft(UUID accountId, CasePriority priority, String category) {
    return new CaseDraft(
        accountId,
        null,
        "Printer jams",
        "Page 3 of every job jams",
        CaseChannel.EMAIL,
        priority,
        category,
        "PR-100",
        null);
  }

  private ServiceCase open(CasePriority priority) {
    return cases.create(ADMIN, draft(account.id(), priority, "hardware"));
  }

  private void rule(
      String name,
      int position,
      List<Condition> conditions,
      Strategy strategy,
      String user,
      UUID teamId,
      Integer minutes,
      boolean escalate) {
    assignment.createRule(
        ADMIN,
        new AssignmentRuleDraft(
            RecordKind.CASE,
            name,
            position,
            true,
            conditions,
            strategy,
            user,
            teamId,
            Set.of(),
            minutes,
            escalate));
  }

  @Test
  void aCaseRuleAssignsTheOwnerWithAnExplanationAndAFirstResponseDeadline() {
    String anna = unique("anna");
    String kim = unique("kim");
    rule(
        "urgent hardware in Germany",
        10,
        List.of(
            new Condition("priority", Operator.IN, List.of("URGENT")),
            new Condition("country", Operator.IN, List.of("DE"))),
        Strategy.FIXED,
        anna,
        null,
        60,
        true);
    rule("everything else", 20, List.of(), Strategy.FIXED, kim, null, null, false);
    Account german =
        accounts.create(
            ADMIN,
            new AccountDraft(
                "Munich " + UUID.randomUUID(), null, "admin", LifecycleStage.CUSTOMER));
    parties.addMechanism(
        ADMIN,
        PartyKey.account(german.id()),
        new ContactMechanismDraft(
            MechanismKind.POSTAL,
            null,
            null,
            null,
            new PostalAddress("Leopoldstr. 1", "München", "80802", "Bayern", "DE"),
            Set.of(),
            null,
            null));

    ServiceCase urgent = cases.create(ADMIN, draft(german.id(), CasePriority.URGENT, "hardware"));
    assertThat(urgent.number()).matches("CASE-\\d{6}");
    assertThat(urgent.status()).isEqualTo(CaseStatus.NEW);
    assertThat(urgent.owner()).isEqualTo(anna);
    assertThat(urgent.responseDueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
    List<Assignment> history = assignment.history(ADMIN, RecordKind.CASE, urgent.id().toString());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).ruleName()).isEqualTo("urgent hardware in Germany");
    assertThat(history.get(0).explanation())
        .anyMatch(l -> l.contains("'urgent hardware in Germany'") && l.contains("matches"))
        .anyMatch(l -> l.equals("FIXED: the owner is " + anna));
    assertThat(
            audit
                .history(ADMIN, AuditQuery.ofRecord("assignment", history.get(0).id(), 10))
                .items())
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.CREATE);

    // The account has no German address: the first rule does not match, and says why.
    ServiceCase elsewhere = open(CasePriority.URGENT);
    assertThat(elsewhere.owner()).isEqualTo(kim);
    assertThat(elsewhere.responseDueAt()).isNull();
    assertThat(
            assignment
                .history(ADMIN, RecordKind.CASE, elsewhere.id().toString())
                .get(0)
                .explanation()
                .get(0))
        .contains("does not match")
        .contains("country (absent)");
    assertThat(cases.create(ADMIN, draft(account.id(), null, null)).number())
        .isNotEqualTo(elsewhere.number());
  }

  @Test
  void withoutARuleTheCreatorOwnsTheCaseAndAGivenOwnerIsKept() {
    ServiceCase mine = open(CasePriority.LOW);
    assertThat(mine.owner()).isEqualTo("admin");
    assertThat(assignment.history(ADMIN, RecordKind.CASE, mine.id().toString())).isEmpty();
    rule("all", 1, List.of(), Strategy.FIXED, "anna", null, null, false);
    ServiceCase given =
        cases.create(
            ADMIN,
            new CaseDraft(
                account.id(), null, "Given", null, CaseChannel.PHONE, null, null, null, "bob"));
    assertThat(given.owner()).isEqualTo("bob");
    assertThat(given.priority()).isEqualTo(CasePriority.NORMAL);
    assertThat(assignment.history(ADMIN, RecordKind.CASE, given.id().toString())).isEmpty();
  }

  @Test
  void roundRobinTakesTurnsAcrossCasesAndSkipsAnOwnerAtCapacity() {
    String x = unique("x");
    String y = unique("y");
    rule("desk", 1, List.of(), Strategy.ROUND_ROBIN, null, team(x, y), null, false);
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      owners.add(open(CasePriority.NORMAL).owner());
    }
    assertThat(owners).containsExactly(x, y, x, y);
    // x has two open cases; with a capacity of two x is skipped even on x's turn.
    assignment.setCapacity(ADMIN, x, 2);
    ServiceCase next = open(CasePriority.NORMAL);
    assertThat(next.owner()).isEqualTo(y);
    assertThat(
            assignment.history(ADMIN, RecordKind.CASE, next.id().toString()).get(0).explanation())
        .anyMatch(l -> l.contains("skipped " + x + ", at capacity (2 open of 2)"));
  }

  @Test
  void theSweepReassignsTheCasesOfAnAbsentOwnerAndEscalatesOnlyUnansweredOnes() {
    String x = unique("x");
    String y = unique("y");
    String z = unique("z");
    UUID desk = team(x, y);
    rule("desk", 1, List.of(), Strategy.ROUND_ROBIN, null, desk, 30, true);
    ServiceCase first = open(CasePriority.HIGH); // x
    ServiceCase second = open(CasePriority.HIGH); // y
    ServiceCase resolved = open(CasePriority.HIGH); // x
    assertThat(List.of(first.owner(), second.owner(), resolved.owner())).containsExactly(x, y, x);
    ServiceCase r =
        cases.transition(agent(x), resolved.id(), resolved.version(), CaseStatus.OPEN, null);
    cases.transition(agent(x), r.id(), r.version(), CaseStatus.RESOLVED, "fixed");

    assignment.addAbsence(
        agent(x), x, clock.instant(), clock.instant().plus(Duration.ofDays(2)), "holiday");
    clock.advance(Duration.ofSeconds(1));
    SweepResult swept = assignment.sweep(ADMIN);
    assertThat(swept.reassigned()).hasSize(1);
    Assignment moved = swept.reassigned().get(0);
    assertThat(moved.recordId()).isEqualTo(first.id().toString());
    assertThat(moved.reason()).isEqualTo(Assignment.Reason.OWNER_ABSENT);
    assertThat(moved.previousOwner()).isEqualTo(x);
    assertThat(moved.owner()).isEqualTo(y);
    assertThat(cases.get(ADMIN, first.id()).owner()).isEqualTo(y);
    // The new owner has the rule's 30 minutes from the re-assignment, not what was left of x's.
    assertThat(cases.get(ADMIN, first.id()).responseDueAt())
        .isEqualTo(moved.responseDueAt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(cases.get(ADMIN, resolved.id()).owner()).isEqualTo(x);

    // y answers the moved case only; after the deadline the other one escalates to z.
    cases.comment(agent(y), first.id(), CaseEventKind.REPLY, "We are on it.");
    assertThat(cases.get(ADMIN, first.id()).firstResponseAt()).isEqualTo(clock.instant());
    clock.advance(Duration.ofMinutes(31));
    access.updateTeam(
        ADMIN,
        desk,
        access.team(ADMIN, desk).version(),
        access.team(ADMIN, desk).name(),
        List.of(x, y, z));
    SweepResult overdue = assignment.sweep(ADMIN);
    assertThat(overdue.reassigned()).hasSize(1);
    assertThat(overdue.reassigned().get(0).recordId()).isEqualTo(second.id().toString());
    assertThat(overdue.reassigned().get(0).reason()).isEqualTo(Assignment.Reason.RESPONSE_OVERDUE);
    assertThat(cases.get(ADMIN, second.id()).owner()).isEqualTo(z);
    assertThat(cases.get(ADMIN, first.id()).owner()).isEqualTo(y);
  }

  @Test
  void aReplyOfTheNewOwnerAnswersACaseTheSweepMoved() {
    String x = unique("x");
    String y = unique("y");
    String z = unique("z");
    rule("trio", 1, List.of(), Strategy.ROUND_ROBIN, null, team(x, y, z), 30, true);
    ServiceCase c = open(CasePriority.NORMAL);
    assertThat(c.owner()).isEqualTo(x);
    cases.comment(agent(x), c.id(), CaseEventKind.REPLY, "Looking into it.");
    Instant first = clock.instant();
    assignment.addAbsence(
        agent(x), x, clock.instant(), clock.instant().plus(Duration.ofDays(2)), null);
    clock.advance(Duration.ofSeconds(1));
    assertThat(assignment.sweep(ADMIN).reassigned())
        .filteredOn(a -> a.recordId().equals(c.id().toString()))
        .singleElement()
        .satisfies(a -> assertThat(a.owner()).isEqualTo(y));
    cases.comment(agent(y), c.id(), CaseEventKind.REPLY, "Taking over.");
    clock.advance(Duration.ofMinutes(45));
    assertThat(assignment.sweep(ADMIN).reassigned())
        .noneMatch(a -> a.recordId().equals(c.id().toString()));
    assertThat(cases.get(ADMIN, c.id()).firstResponseAt()).isEqualTo(first);
  }

  @Test
  void leavingNewIsTheFirstResponse() {
    String x = unique("x");
    rule("x", 1, List.of(), Strategy.FIXED, x, null, 10, true);
    ServiceCase c = open(CasePriority.NORMAL);
    clock.advance(Duration.ofMinutes(1));
    ServiceCase opened = cases.transition(agent(x), c.id(), c.version(), CaseStatus.OPEN, null);
    assertThat(opened.firstResponseAt()).isEqualTo(clock.instant());
    clock.advance(Duration.ofMinutes(20));
    assertThat(assignment.sweep(ADMIN).reassigned()).isEmpty();
  }

  @Test
  void theLifecycleRefusesIllegalTransitionsAndKeepsTheThread() {
    ServiceCase c = open(CasePriority.NORMAL);
    assertThatThrownBy(
            () -> cases.transition(ADMIN, c.id(), c.version(), CaseStatus.RESOLVED, null))
        .isInstanceOf(ConflictException.class)
        .hasMessage("case " + c.number() + " is NEW: it cannot become RESOLVED");
    ServiceCase s = cases.transition(ADMIN, c.id(), c.version(), CaseStatus.OPEN, null);
    s = cases.transition(ADMIN, s.id(), s.version(), CaseStatus.WAITING_ON_CUSTOMER, "log file?");
    ServiceCase waiting = s;
    assertThatThrownBy(
            () ->
                cases.transition(ADMIN, waiting.id(), waiting.version(), CaseStatus.RESOLVED, null))
        .isInstanceOf(ConflictException.class);
    s = cases.transition(ADMIN, s.id(), s.version(), CaseStatus.OPEN, null);
    s = cases.transition(ADMIN, s.id(), s.version(), CaseStatus.RESOLVED, "new driver");
    assertThat(s.resolvedAt()).isNotNull();
    s = cases.transition(ADMIN, s.id(), s.version(), CaseStatus.OPEN, "still jams");
    s = cases.transition(ADMIN, s.id(), s.version(), CaseStatus.RESOLVED, null);
    s = cases.transition(ADMIN, s.id(), s.version(), CaseStatus.CLOSED, null);
    assertThat(s.closedAt()).isNotNull();
    ServiceCase closed = s;
    for (CaseStatus to : CaseStatus.values()) {
      assertThatThrownBy(() -> cases.transition(ADMIN, closed.id(), closed.version(), to, null))
          .isInstanceOf(ConflictException.class);
    }
    assertThatThrownBy(
            () ->
                cases.update(
                    ADMIN, closed.id(), closed.version(), draft(null, CasePriority.HIGH, null)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> cases.comment(ADMIN, closed.id(), CaseEventKind.NOTE, "late"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> cases.transition(ADMIN, closed.id(), closed.version(), null, null))
        .isInstanceOf(ValidationException.class);

    List<CaseEvent> thread = cases.events(ADMIN, c.id());
    assertThat(thread)
        .extracting(CaseEvent::to)
        .containsExactly(
            CaseStatus.NEW,
            CaseStatus.OPEN,
            CaseStatus.WAITING_ON_CUSTOMER,
            CaseStatus.OPEN,
            CaseStatus.RESOLVED,
            CaseStatus.OPEN,
            CaseStatus.RESOLVED,
            CaseStatus.CLOSED);
    assertThat(thread.get(2).body()).isEqualTo("log file?");
    assertThat(thread.get(2).from()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void aStaleVersionIsRefusedAndNothingChanges() {
    ServiceCase c = open(CasePriority.LOW);
    ServiceCase changed =
        cases.update(ADMIN, c.id(), c.version(), draft(null, CasePriority.HIGH, "billing"));
    assertThat(changed.version()).isGreaterThan(c.version());
    assertThat(changed.priority()).isEqualTo(CasePriority.HIGH);
    assertThat(changed.category()).isEqualTo("billing");
    assertThatThrownBy(
            () -> cases.update(ADMIN, c.id(), c.version(), draft(null, CasePriority.URGENT, null)))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> cases.transition(ADMIN, c.id(), c.version(), CaseStatus.OPEN, null))
        .isInstanceOf(StaleVersionException.class);
    ServiceCase now = cases.get(ADMIN, c.id());
    assertThat(now.priority()).isEqualTo(CasePriority.HIGH);
    assertThat(now.status()).isEqualTo(CaseStatus.NEW);
    assertThatThrownBy(
            () ->
                cases.update(
                    ADMIN, c.id(), now.version(), draft(UUID.randomUUID(), CasePriority.LOW, null)))
        .isInstanceOf(ValidationException.class);
    List<AuditEntry> history =
        audit.history(ADMIN, AuditQuery.ofRecord("case", c.id(), 10)).items();
    assertThat(history)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
  }

  @Test
  void aUserOutsideTheOwnersCircleDoesNotSeeTheCaseUnlessShared() {
    String x = unique("x");
    String mate = unique("mate");
    String stranger = unique("stranger");
    String boss = unique("boss");
    rule("desk", 1, List.of(), Strategy.FIXED, x, null, null, false);
    team(x, mate);
    access.setManager(ADMIN, x, boss);
    ServiceCase c = open(CasePriority.NORMAL);
    assertThat(c.owner()).isEqualTo(x);

    for (String reader : List.of(x, mate, boss)) {
      assertThat(cases.get(agent(reader), c.id()).id()).isEqualTo(c.id());
      assertThat(ids(cases.list(agent(reader), query(null)))).contains(c.id());
    }
    ServiceCase opened = cases.transition(agent(mate), c.id(), c.version(), CaseStatus.OPEN, null);

    assertThatThrownBy(() -> cases.get(agent(stranger), c.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(ids(cases.list(agent(stranger), query(null)))).doesNotContain(c.id());
    assertThatThrownBy(
            () ->
                cases.transition(
                    agent(stranger), c.id(), opened.version(), CaseStatus.RESOLVED, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> cases.events(agent(stranger), c.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> audit.history(agent(stranger), AuditQuery.ofRecord("case", c.id(), 10)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> access.access(agent(stranger), "case", c.id()))
        .isInstanceOf(NotFoundException.class);

    // A READ share lets the stranger read, not write.
    access.share(ADMIN, "case", c.id(), PrincipalType.USER, stranger, RecordAccess.READ);
    assertThat(cases.get(agent(stranger), c.id()).status()).isEqualTo(CaseStatus.OPEN);
    assertThat(ids(cases.list(agent(stranger), query(null)))).contains(c.id());
    assertThat(access.access(agent(stranger), "case", c.id())).isEqualTo(RecordAccess.READ);
    assertThatThrownBy(
            () -> cases.comment(agent(stranger), c.id(), CaseEventKind.NOTE, "let me in"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(access.shares(ADMIN, "case", c.id())).hasSize(1);

    // Whoever sees the account sees its cases.
    String seller = unique("seller");
    Account sellers =
        accounts.create(
            ADMIN,
            new AccountDraft("Own " + UUID.randomUUID(), null, seller, LifecycleStage.CUSTOMER));
    ServiceCase onSellers = cases.create(ADMIN, draft(sellers.id(), CasePriority.LOW, null));
    Actor sellerActor = new Actor(seller, Set.of(Role.CRM_SALES), Actor.Channel.REST);
    assertThat(cases.get(sellerActor, onSellers.id()).owner()).isEqualTo(x);
    assertThat(ids(cases.list(sellerActor, query(null))))
        .contains(onSellers.id())
        .doesNotContain(c.id());
  }

  @Test
  void rolesDecideWhoOpensAndWorksCases() {
    assertThatThrownBy(() -> cases.create(VIEWER, draft(account.id(), null, null)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("user viewer may not create cases");
    ServiceCase c = open(CasePriority.NORMAL);
    assertThatThrownBy(() -> cases.comment(VIEWER, c.id(), CaseEventKind.REPLY, "hi"))
        .isInstanceOf(AccessDeniedException.class);
    // An agent may open a case on an account it can only read through a share.
    String agentName = unique("agent");
    access.share(ADMIN, "account", account.id(), PrincipalType.USER, agentName, RecordAccess.READ);
    ServiceCase byAgent = cases.create(agent(agentName), draft(account.id(), null, null));
    assertThat(byAgent.owner()).isEqualTo(agentName);
    assertThatThrownBy(() -> cases.create(agent(unique("nobody")), draft(account.id(), null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                cases.create(
                    ADMIN,
                    new CaseDraft(null, null, " ", null, null, null, "no spaces", null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            v ->
                assertThat(v.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactlyInAnyOrder("accountId", "channel", "subject", "category"));
  }

  @Test
  void repliesAndStatusChangesAreOnTheAccountsTimeline() {
    ServiceCase c = open(CasePriority.HIGH);
    clock.advance(Duration.ofSeconds(1));
    ServiceCase s = cases.transition(ADMIN, c.id(), c.version(), CaseStatus.OPEN, null);
    clock.advance(Duration.ofSeconds(1));
    cases.comment(ADMIN, s.id(), CaseEventKind.REPLY, "Please send the log file.");
    clock.advance(Duration.ofSeconds(1));
    cases.comment(ADMIN, s.id(), CaseEventKind.NOTE, "Probably the fuser.");
    List<TimelineItem> items =
        timeline
            .timeline(ADMIN, new TimelineQuery(account.id(), null, Set.of("case"), 200, null))
            .items()
            .stream()
            .filter(i -> i.recordId().equals(c.id()))
            .toList();
    assertThat(items)
        .extracting(TimelineItem::kind)
        .containsExactly("case.note", "case.reply", "case.open", "case.created");
    assertThat(items.get(1).summary()).isEqualTo("Please send the log file.");
    assertThat(items.get(3).title()).isEqualTo("Case " + c.number() + " opened: Printer jams");
    assertThat(
            timeline
                .timeline(
                    ADMIN, new TimelineQuery(account.id(), null, Set.of("case.reply"), 200, null))
                .items())
        .extracting(TimelineItem::kind)
        .containsOnly("case.reply");
    assertThat(
            timeline
                .timeline(
                    ADMIN, new TimelineQuery(account.id(), null, Set.of("activity"), 200, null))
                .items())
        .noneMatch(i -> i.kind().startsWith("case."));
    assertThatThrownBy(() -> cases.comment(ADMIN, c.id(), CaseEventKind.CREATED, "x"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void theListFiltersAndPagesNewestFirst() {
    Account own =
        accounts.create(
            ADMIN,
            new AccountDraft("Paged " + UUID.randomUUID(), null, "admin", LifecycleStage.CUSTOMER));
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      made.add(
          cases
              .create(
                  ADMIN, draft(own.id(), i % 2 == 0 ? CasePriority.URGENT : CasePriority.LOW, null))
              .id());
    }
    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<ServiceCase> page =
          cases.list(ADMIN, new CaseQuery(null, null, own.id(), null, 2, cursor));
      assertThat(page.items().size()).isLessThanOrEqualTo(2);
      seen.addAll(ids(page));
      cursor = page.nextCursor().orElse(null);
    } while (cursor != null);
    List<UUID> newestFirst = new ArrayList<>(made);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(
            ids(
                cases.list(
                    ADMIN, new CaseQuery(null, null, own.id(), CasePriority.URGENT, 50, null))))
        .containsExactly(made.get(4), made.get(2), made.get(0));
    assertThat(
            cases
                .list(ADMIN, new CaseQuery(CaseStatus.OPEN, null, own.id(), null, 50, null))
                .items())
        .isEmpty();
    assertThatThrownBy(() -> cases.list(ADMIN, new CaseQuery(null, null, null, null, 0, null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> cases.list(ADMIN, new CaseQuery(null, null, null, null, 10, "bogus")))
        .isInstanceOf(ValidationException.class);
  }

  private static CaseQuery query(CaseStatus status) {
    return new CaseQuery(status, null, null, null, 200, null);
  }

  private static List<UUID> ids(Page<ServiceCase> page) {
    return page.items().stream().map(ServiceCase::id).toList();
  }
}
