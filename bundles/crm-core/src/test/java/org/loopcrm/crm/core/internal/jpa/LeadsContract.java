package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManager;
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
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.access.PrincipalType;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.assignment.AssignmentRuleDraft;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.lead.Conversion;
import org.loopcrm.crm.api.lead.ConversionCandidate;
import org.loopcrm.crm.api.lead.Lead;
import org.loopcrm.crm.api.lead.LeadDraft;
import org.loopcrm.crm.api.lead.LeadForm;
import org.loopcrm.crm.api.lead.LeadFormDraft;
import org.loopcrm.crm.api.lead.LeadQuery;
import org.loopcrm.crm.api.lead.LeadScore;
import org.loopcrm.crm.api.lead.LeadStatus;
import org.loopcrm.crm.api.lead.PossibleDuplicate;
import org.loopcrm.crm.api.lead.ScoringRule;
import org.loopcrm.crm.api.lead.Submission;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDecision;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.core.internal.erp.ErpLiveAccess;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;

/** Leads: lifecycle, duplicates kept, scoring with decay, web forms, conversion (§30). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeadsContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("seller", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaLeadService leads;
  private JpaAccountService accounts;
  private JpaAssignmentService assignment;
  private JpaAuditService audit;
  private JpaOpportunityService opportunities;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, clock);
    opportunities =
        new JpaOpportunityService(
            emf,
            clock,
            AccessPolicy.privateAccess(),
            SalesPolicy.defaults(),
            new ErpLiveAccess(accounts, clock).service());
    leads =
        new JpaLeadService(
            emf,
            clock,
            new PluginPipeline(),
            AccessPolicy.privateAccess(),
            LeadOpportunities.of(opportunities));
    assignment = new JpaAssignmentService(emf, clock);
    audit = new JpaAuditService(emf);
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  @BeforeEach
  void now() {
    clock.set(Instant.now());
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static LeadDraft lead(String first, String last, String company, String email) {
    return new LeadDraft(
        first,
        last,
        company,
        null,
        email,
        null,
        "DE",
        null,
        "80331",
        "Manufacturing",
        120,
        "event",
        null,
        null,
        null);
  }

  private long accountsNamed(String name) {
    EntityManager em = emf.createEntityManager();
    try {
      return em.createQuery(
              "select count(o) from OrganizationEntity o where o.name = :n", Long.class)
          .setParameter("n", name)
          .getSingleResult();
    } finally {
      em.close();
    }
  }

  @Test
  void aLeadIsAssignedByTheRulesAndMovesOnlyWhereItMakesSense() {
    String owner = unique("rep").replace(' ', '-');
    String campaign = unique("camp").replace(' ', '-');
    assignment.createRule(
        ADMIN,
        new AssignmentRuleDraft(
            RecordKind.LEAD,
            unique("rule"),
            1,
            true,
            List.of(new Condition("campaign", Condition.Operator.IN, List.of(campaign))),
            Strategy.FIXED,
            owner,
            null,
            Set.of(),
            60,
            false));
    Lead l =
        leads.create(
            SALES,
            new LeadDraft(
                "Ada",
                "Lovelace",
                unique("Engines"),
                null,
                "ada@example.org",
                null,
                "GB",
                null,
                null,
                null,
                12,
                null,
                campaign,
                null,
                null));
    assertThat(l.status()).isEqualTo(LeadStatus.NEW);
    assertThat(l.draft().owner()).isEqualTo(owner);
    assertThat(l.draft().source()).isEqualTo("api");
    assertThat(assignment.history(SALES, RecordKind.LEAD, l.id().toString()))
        .singleElement()
        .satisfies(a -> assertThat(a.responseDueAt()).isNotNull());
    Lead mine =
        leads.create(
            SALES,
            new LeadDraft(
                null,
                "Own",
                unique("Co"),
                null,
                null,
                "+49 89 1",
                null,
                null,
                null,
                null,
                null,
                null,
                campaign,
                "seller",
                null));
    assertThat(mine.draft().owner()).isEqualTo("seller");

    // The owner works the lead; the creator, outside the owner's circle, no longer sees it.
    Actor rep = new Actor(owner, Set.of(Role.CRM_SALES), Actor.Channel.REST);
    assertThatThrownBy(() -> leads.get(SALES, l.id())).isInstanceOf(NotFoundException.class);
    Lead working = leads.transition(rep, l.id(), l.version(), LeadStatus.WORKING, null);
    assertThatThrownBy(() -> leads.transition(rep, l.id(), working.version(), LeadStatus.NEW, null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("cannot become NEW");
    assertThatThrownBy(
            () -> leads.transition(rep, l.id(), working.version(), LeadStatus.DISQUALIFIED, " "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(
            () -> leads.transition(rep, l.id(), working.version(), LeadStatus.CONVERTED, null))
        .isInstanceOf(ValidationException.class);
    Lead out =
        leads.transition(rep, l.id(), working.version(), LeadStatus.DISQUALIFIED, "no budget");
    assertThat(out.disqualifiedReason()).isEqualTo("no budget");
    assertThatThrownBy(
            () -> leads.transition(rep, l.id(), out.version(), LeadStatus.QUALIFIED, null))
        .isInstanceOf(ConflictException.class);
    assertThat(leads.transition(rep, l.id(), out.version(), LeadStatus.WORKING, null).status())
        .isEqualTo(LeadStatus.WORKING);
    assertThat(audit.history(ADMIN, AuditQuery.ofRecord("lead", l.id(), 20)).items()).hasSize(4);

    assertThatThrownBy(() -> leads.create(VIEWER, lead("A", "B", "C", "a@b.c")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                leads.create(
                    SALES,
                    new LeadDraft(
                        "x",
                        null,
                        null,
                        null,
                        "not-mail",
                        null,
                        "Germany",
                        null,
                        null,
                        null,
                        -1,
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .contains("lastName", "email", "country", "employees"));
    assertThat(leads.list(rep, new LeadQuery(null, null, null, "lovelace", 10, null)).items())
        .extracting(Lead::id)
        .containsExactly(l.id());
    assertThat(leads.list(SALES, new LeadQuery(null, null, null, "lovelace", 10, null)).items())
        .extracting(Lead::id)
        .doesNotContain(l.id());
  }

  @Test
  void aDuplicateSubmissionIsKeptAndLinkedNeverDropped() {
    String company = unique("Globex");
    String email = unique("hank").replace(' ', '.') + "@globex.example";
    Account existing =
        accounts.create(
            SALES, new AccountDraft(company + " GmbH", null, "seller", LifecycleStage.PROSPECT));
    Account hidden =
        accounts.create(
            ADMIN, new AccountDraft(company + " AG", null, "admin", LifecycleStage.PROSPECT));
    Contact hank =
        accounts.addContact(
            SALES, existing.id(), new ContactDraft("Hank", "Scorpio", email, null, "CEO"));
    Lead first = leads.create(SALES, lead("Hank", "Scorpio", company, email.toUpperCase()));
    Lead second = leads.create(SALES, lead("Hank", "Scorpio", company + " Ltd.", email));

    assertThat(leads.get(SALES, second.id()).status()).isEqualTo(LeadStatus.NEW);
    assertThat(second.duplicates())
        .extracting(PossibleDuplicate::kind, PossibleDuplicate::id, PossibleDuplicate::reason)
        .contains(
            org.assertj.core.groups.Tuple.tuple("LEAD", first.id(), "same e-mail"),
            org.assertj.core.groups.Tuple.tuple("ACCOUNT", existing.id(), "same company name"),
            org.assertj.core.groups.Tuple.tuple("CONTACT", hank.id(), "same e-mail"));
    assertThat(leads.conversionCandidates(SALES, second.id()))
        .extracting(ConversionCandidate::id)
        .doesNotContain(hidden.id());
    assertThat(leads.conversionCandidates(SALES, second.id()))
        .extracting(ConversionCandidate::kind, ConversionCandidate::id)
        .contains(
            org.assertj.core.groups.Tuple.tuple("ACCOUNT", existing.id()),
            org.assertj.core.groups.Tuple.tuple("CONTACT", hank.id()));

    // Merged at conversion into the existing account and contact: nothing new is created.
    Conversion.Result r =
        leads.convert(
            SALES, second.id(), second.version(), new Conversion(existing.id(), hank.id(), null));
    assertThat(r.accountCreated()).isFalse();
    assertThat(r.contactCreated()).isFalse();
    assertThat(r.lead().status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(r.lead().accountId()).isEqualTo(existing.id());
    assertThat(accountsNamed(company + " GmbH")).isEqualTo(1);
    assertThatThrownBy(
            () ->
                leads.convert(
                    SALES, second.id(), r.lead().version(), new Conversion(null, null, null)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CONVERTED");
    assertThatThrownBy(
            () ->
                leads.update(SALES, second.id(), r.lead().version(), lead("H", "S", "C", "h@s.c")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void conversionCreatesAccountAndContactTogetherOrNothingAtAll() {
    String company = unique("Initech");
    Lead l = leads.create(SALES, lead("Peter", "Gibbons", company, "peter@initech.example"));
    Conversion.Result r =
        leads.convert(SALES, l.id(), l.version(), new Conversion(null, null, null));
    assertThat(r.accountCreated()).isTrue();
    assertThat(r.contactCreated()).isTrue();
    assertThat(accounts.get(SALES, r.accountId()).name()).isEqualTo(company);
    assertThat(accounts.contacts(SALES, r.accountId()))
        .extracting(Contact::lastName)
        .containsExactly("Gibbons");
    assertThat(r.lead().contactId()).isEqualTo(r.contactId());

    // The contact cannot be made (no last name): the account made before it is undone too.
    String ghost = unique("Ghost Corp");
    Lead noName =
        leads.create(
            SALES,
            new LeadDraft(
                null,
                null,
                ghost,
                null,
                "info@ghost.example",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThatThrownBy(
            () ->
                leads.convert(
                    SALES, noName.id(), noName.version(), new Conversion(null, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("lastName"));
    assertThat(accountsNamed(ghost)).isZero();
    assertThat(leads.get(SALES, noName.id()).status()).isEqualTo(LeadStatus.NEW);

    // An opportunity that cannot be made (a negative amount) undoes the account and the contact.
    String opp = unique("Umbrella");
    Lead withOpp = leads.create(SALES, lead("Alice", "Abernathy", opp, "alice@umbrella.example"));
    LocalDate close = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(30);
    assertThatThrownBy(
            () ->
                leads.convert(
                    SALES,
                    withOpp.id(),
                    withOpp.version(),
                    new Conversion(
                        null,
                        null,
                        new Conversion.OpportunityRequest("Hive", new BigDecimal("-1"), close))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .contains("amount"));
    assertThat(accountsNamed(opp)).isZero();
    assertThat(leads.get(SALES, withOpp.id()).status()).isEqualTo(LeadStatus.NEW);

    // With a good one, all three are made and linked.
    Conversion.Result full =
        leads.convert(
            SALES,
            withOpp.id(),
            withOpp.version(),
            new Conversion(
                null,
                null,
                new Conversion.OpportunityRequest("Hive", new BigDecimal("1000"), close)));
    assertThat(full.opportunityId()).isNotNull();
    Opportunity o = opportunities.get(SALES, full.opportunityId());
    assertThat(o.accountId()).isEqualTo(full.accountId());
    assertThat(o.contactId()).isEqualTo(full.contactId());
    assertThat(o.leadId()).isEqualTo(withOpp.id());
    assertThat(full.lead().opportunityId()).isEqualTo(full.opportunityId());
  }

  @Test
  void theScoreExplainsEachContributionAndActivityPointsDecay() {
    for (ScoringRule r : leads.scoringRules(ADMIN)) {
      leads.deleteScoringRule(ADMIN, r.id(), r.version());
    }
    leads.createScoringRule(
        ADMIN,
        new ScoringRule(
            null, "industry", "industry", "IN", List.of("manufacturing"), null, 20, null, true, 0));
    leads.createScoringRule(
        ADMIN,
        new ScoringRule(
            null, "big", "employees", "RANGE", List.of("100", ""), null, 15, null, true, 0));
    leads.createScoringRule(
        ADMIN, new ScoringRule(null, "visits", null, null, null, "web-visit", 10, 7, true, 0));
    assertThatThrownBy(
            () ->
                leads.createScoringRule(
                    SALES, new ScoringRule(null, "x", null, null, null, "call", 1, null, true, 0)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                leads.createScoringRule(
                    ADMIN,
                    new ScoringRule(
                        null, "y", "shoeSize", "IN", List.of("9"), null, 1, 3, true, 0)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .contains("field", "halfLifeDays"));

    Lead l = leads.create(SALES, lead("Sam", "Score", unique("Scored"), "sam@scored.example"));
    assertThat(l.score()).isEqualTo(35);
    leads.addActivity(SALES, l.id(), "web-visit", null);
    leads.addActivity(SALES, l.id(), "Web-Visit", "pricing page");
    LeadScore now = leads.score(SALES, l.id());
    assertThat(now.total()).isEqualTo(55);
    assertThat(now.contributions())
        .extracting(LeadScore.Contribution::rule, c -> c.points().intValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("big", 15),
            org.assertj.core.groups.Tuple.tuple("industry", 20),
            org.assertj.core.groups.Tuple.tuple("visits", 20));
    assertThat(now.contributions().get(1).detail())
        .isEqualTo("industry 'Manufacturing' is IN [manufacturing]");
    assertThat(now.contributions().get(2).detail())
        .contains("2 × web-visit at 10, halved every 7 days");

    clock.advance(Duration.ofDays(7));
    LeadScore week = leads.score(SALES, l.id());
    assertThat(week.contributions().get(2).points()).isEqualByComparingTo("10.00");
    assertThat(week.total()).isEqualTo(45);
    clock.advance(Duration.ofDays(7));
    assertThat(leads.rescoreAll(ADMIN)).isGreaterThanOrEqualTo(1);
    assertThat(leads.get(SALES, l.id()).score()).isEqualTo(40);
  }

  @Test
  void aWebFormTakesSubmissionsDropsBotsAndRecordsConsent() {
    String email = unique("web").replace(' ', '.') + "@example.org";
    LeadForm form =
        leads.createForm(
            ADMIN,
            new LeadFormDraft(
                null,
                "Contact us",
                true,
                List.of("firstName", "lastName", "company", "email", "employees"),
                "marketing",
                "Yes, send me news.",
                "v3",
                "https://example.org/thanks",
                5,
                "website",
                null,
                "spring-fair"));
    assertThat(form.key()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(form.source()).isEqualTo("web");
    assertThatThrownBy(
            () ->
                leads.createForm(
                    SALES,
                    new LeadFormDraft(
                        null,
                        "x",
                        true,
                        List.of("email"),
                        null,
                        null,
                        null,
                        null,
                        5,
                        null,
                        null,
                        null)))
        .isInstanceOf(AccessDeniedException.class);

    long before = leads.discardedSubmissions();
    Submission bot =
        leads.submit(
            form.key(),
            Map.of("lastName", "Bot", "email", email, "website", "http://spam"),
            "10.0.0.9");
    assertThat(bot.discarded()).isTrue();
    assertThat(bot.leadId()).isNull();
    assertThat(leads.discardedSubmissions()).isEqualTo(before + 1);
    assertThat(leads.list(ADMIN, new LeadQuery(null, null, null, email, 10, null)).items())
        .isEmpty();

    assertThatThrownBy(
            () ->
                leads.submit(
                    form.key(), Map.of("lastName", "X", "email", email, "phone", "1"), "10.0.0.9"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("phone"));
    assertThatThrownBy(() -> leads.submit("no-such-form", Map.of(), "10.0.0.9"))
        .isInstanceOf(NotFoundException.class);

    Submission ok =
        leads.submit(
            form.key(),
            Map.of(
                "firstName",
                "Wendy",
                "lastName",
                "Web",
                "email",
                email,
                "employees",
                "40",
                "consent",
                "on",
                "website",
                ""),
            "10.0.0.9");
    assertThat(ok.discarded()).isFalse();
    assertThat(ok.redirectUrl()).isEqualTo("https://example.org/thanks");
    Lead l = leads.get(ADMIN, ok.leadId());
    assertThat(l.formKey()).isEqualTo(form.key());
    assertThat(l.draft().source()).isEqualTo("web");
    assertThat(l.draft().campaign()).isEqualTo("spring-fair");
    assertThat(l.draft().consent().purpose()).isEqualTo("marketing");
    assertThat(l.draft().consent().textVersion()).isEqualTo("v3");
    assertThat(l.draft().consent().ip()).isEqualTo("10.0.0.9");
    assertThat(leads.activities(ADMIN, l.id())).extracting(a -> a.kind()).containsExactly("form");

    // The same person again: kept, linked to the first.
    Submission again =
        leads.submit(form.key(), Map.of("lastName", "Web", "email", email), "10.0.0.9");
    assertThat(leads.get(ADMIN, again.leadId()).duplicates())
        .extracting(PossibleDuplicate::id)
        .contains(l.id());

    LeadForm off =
        leads.updateForm(
            ADMIN,
            form.id(),
            form.version(),
            new LeadFormDraft(
                form.key(),
                "Contact us",
                false,
                form.allowedFields(),
                null,
                null,
                null,
                null,
                5,
                "website",
                null,
                null));
    assertThat(off.enabled()).isFalse();
    assertThatThrownBy(() -> leads.publicForm(form.key())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> leads.submit(form.key(), Map.of("lastName", "Late", "email", email), null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theSweepGivesTheOpenLeadsOfAnAbsentOwnerToSomebodyElse() {
    String x = unique("x").replace(' ', '-');
    String y = unique("y").replace(' ', '-');
    String campaign = unique("sweep").replace(' ', '-');
    UUID team =
        new JpaAccessService(emf, clock, AccessPolicy.privateAccess())
            .createTeam(ADMIN, unique("pair"), List.of(x, y))
            .id();
    assignment.createRule(
        ADMIN,
        new AssignmentRuleDraft(
            RecordKind.LEAD,
            unique("pair"),
            0,
            true,
            List.of(new Condition("campaign", Condition.Operator.IN, List.of(campaign))),
            Strategy.ROUND_ROBIN,
            null,
            team,
            Set.of(),
            null,
            false));
    LeadDraft d =
        new LeadDraft(
            null,
            "Swept",
            unique("Co"),
            null,
            "swept@example.org",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            campaign,
            null,
            null);
    Lead first = leads.create(SALES, d);
    Lead second = leads.create(SALES, d);
    assertThat(List.of(first.draft().owner(), second.draft().owner())).containsExactly(x, y);
    Lead gone =
        leads.transition(ADMIN, second.id(), second.version(), LeadStatus.DISQUALIFIED, "spam");
    assignment.addAbsence(
        ADMIN, x, clock.instant(), clock.instant().plus(Duration.ofDays(1)), null);
    assignment.addAbsence(
        ADMIN, y, clock.instant(), clock.instant().plus(Duration.ofDays(1)), null);
    clock.advance(Duration.ofSeconds(1));
    // Both absent: nobody to give it to, the lead stays.
    assertThat(assignment.sweep(ADMIN).reassigned())
        .extracting(a -> a.recordId())
        .doesNotContain(first.id().toString());
    String z = unique("z").replace(' ', '-');
    JpaAccessService access = new JpaAccessService(emf, clock, AccessPolicy.privateAccess());
    access.updateTeam(
        ADMIN,
        team,
        access.team(ADMIN, team).version(),
        access.team(ADMIN, team).name(),
        List.of(x, y, z));
    assertThat(assignment.sweep(ADMIN).reassigned())
        .filteredOn(a -> a.recordId().equals(first.id().toString()))
        .singleElement()
        .satisfies(a -> assertThat(a.owner()).isEqualTo(z));
    assertThat(leads.get(ADMIN, first.id()).draft().owner()).isEqualTo(z);
    assertThat(leads.get(ADMIN, gone.id()).draft().owner()).isEqualTo(y);
  }

  @Test
  void conversionCopiesTheLeadsConsentIntoTheContactsRegister() {
    JpaPrivacyService privacy = new JpaPrivacyService(emf, clock);
    LeadForm form =
        leads.createForm(
            ADMIN,
            new LeadFormDraft(
                null,
                "Newsletter box",
                true,
                List.of("firstName", "lastName", "company", "email"),
                "marketing",
                "Yes, send me the newsletter.",
                "v7",
                null,
                5,
                null,
                null,
                null));
    Instant given = clock.instant();
    String email = unique("consent").replace(' ', '.') + "@example.org";
    Submission s =
        leads.submit(
            form.key(),
            Map.of(
                "lastName",
                "Consenting",
                "company",
                unique("Opt-In"),
                "email",
                email,
                "consent",
                "on"),
            "10.0.0.7");
    clock.advance(Duration.ofHours(2));
    Lead l = leads.get(ADMIN, s.leadId());
    Conversion.Result r =
        leads.convert(ADMIN, l.id(), l.version(), new Conversion(null, null, null));

    List<ConsentDecision> register = privacy.consentHistory(ADMIN, r.contactId());
    assertThat(register).hasSize(1);
    ConsentDecision d = register.get(0);
    assertThat(d.purpose()).isEqualTo("marketing");
    assertThat(d.channel()).isEqualTo(ConsentChannel.EMAIL);
    assertThat(d.status()).isEqualTo(ConsentStatus.GRANTED);
    assertThat(d.at()).isEqualTo(given);
    assertThat(d.source()).isEqualTo("web-to-lead form Newsletter box");
    assertThat(d.evidence())
        .contains("lead " + l.id())
        .contains("form " + form.key())
        .contains("text version v7")
        .contains("\"Yes, send me the newsletter.\"")
        .contains("10.0.0.7");
    assertThat(d.recordedBy()).isEqualTo("admin");
    assertThat(privacy.hasConsent(ADMIN, r.contactId(), "marketing", ConsentChannel.EMAIL))
        .isTrue();

    // Into an existing contact who withdrew after the lead consented: the withdrawal stands.
    Account acme =
        accounts.create(
            ADMIN, new AccountDraft(unique("Acme"), null, "admin", LifecycleStage.PROSPECT));
    Contact wile =
        accounts.addContact(ADMIN, acme.id(), new ContactDraft("Wile", "Coyote", null, null, null));
    Submission late =
        leads.submit(
            form.key(),
            Map.of(
                "lastName",
                "Coyote",
                "email",
                unique("wile").replace(' ', '.') + "@acme.example",
                "consent",
                "on"),
            "10.0.0.8");
    clock.advance(Duration.ofMinutes(5));
    privacy.recordConsent(
        ADMIN,
        wile.id(),
        new ConsentDraft(
            "marketing", ConsentChannel.EMAIL, ConsentStatus.WITHDRAWN, "phone call", null));
    Lead lateLead = leads.get(ADMIN, late.leadId());
    leads.convert(
        ADMIN, lateLead.id(), lateLead.version(), new Conversion(acme.id(), wile.id(), null));
    assertThat(privacy.consentHistory(ADMIN, wile.id()))
        .singleElement()
        .satisfies(x -> assertThat(x.status()).isEqualTo(ConsentStatus.WITHDRAWN));

    // A lead without consent adds nothing to the register.
    Lead plain = leads.create(SALES, lead("Plain", "Lead", unique("NoConsent"), "plain@x.example"));
    Conversion.Result pr =
        leads.convert(SALES, plain.id(), plain.version(), new Conversion(null, null, null));
    assertThat(privacy.consentHistory(ADMIN, pr.contactId())).isEmpty();
  }

  @Test
  void aLeadIsSeenAndChangedOnlyByItsOwnersCircleAndThoseItIsSharedWith() {
    String x = unique("x").replace(' ', '-');
    String mate = unique("mate").replace(' ', '-');
    String boss = unique("boss").replace(' ', '-');
    String stranger = unique("stranger").replace(' ', '-');
    JpaAccessService access = new JpaAccessService(emf, clock, AccessPolicy.privateAccess());
    access.createTeam(ADMIN, unique("pair"), List.of(x, mate));
    access.setManager(ADMIN, x, boss);
    Lead l =
        leads.create(ADMIN, withOwner(lead("Cir", "Cle", unique("Circle"), "c@circle.example"), x));
    Actor strangerActor = new Actor(stranger, Set.of(Role.CRM_SALES), Actor.Channel.REST);
    LeadQuery all = new LeadQuery(null, null, null, null, 200, null);

    for (String reader : List.of(x, mate, boss)) {
      Actor a = new Actor(reader, Set.of(Role.CRM_SALES), Actor.Channel.REST);
      assertThat(leads.get(a, l.id()).id()).isEqualTo(l.id());
      assertThat(leads.list(a, all).items()).extracting(Lead::id).contains(l.id());
    }
    Lead working =
        leads.transition(
            new Actor(mate, Set.of(Role.CRM_SALES), Actor.Channel.REST),
            l.id(),
            l.version(),
            LeadStatus.WORKING,
            null);

    assertThatThrownBy(() -> leads.get(strangerActor, l.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(leads.list(strangerActor, all).items()).extracting(Lead::id).doesNotContain(l.id());
    assertThatThrownBy(
            () ->
                leads.transition(
                    strangerActor, l.id(), working.version(), LeadStatus.QUALIFIED, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> leads.addActivity(strangerActor, l.id(), "call", null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                leads.convert(
                    strangerActor, l.id(), working.version(), new Conversion(null, null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> audit.history(strangerActor, AuditQuery.ofRecord("lead", l.id(), 10)))
        .isInstanceOf(NotFoundException.class);

    access.share(ADMIN, "lead", l.id(), PrincipalType.USER, stranger, RecordAccess.READ);
    assertThat(leads.get(strangerActor, l.id()).status()).isEqualTo(LeadStatus.WORKING);
    assertThat(leads.list(strangerActor, all).items()).extracting(Lead::id).contains(l.id());
    assertThat(access.access(strangerActor, "lead", l.id())).isEqualTo(RecordAccess.READ);
    assertThatThrownBy(
            () ->
                leads.transition(
                    strangerActor, l.id(), working.version(), LeadStatus.QUALIFIED, null))
        .isInstanceOf(AccessDeniedException.class);
    access.share(ADMIN, "lead", l.id(), PrincipalType.USER, stranger, RecordAccess.WRITE);
    assertThat(
            leads
                .transition(strangerActor, l.id(), working.version(), LeadStatus.QUALIFIED, null)
                .status())
        .isEqualTo(LeadStatus.QUALIFIED);
  }

  private static LeadDraft withOwner(LeadDraft d, String owner) {
    return new LeadDraft(
        d.firstName(),
        d.lastName(),
        d.company(),
        d.title(),
        d.email(),
        d.phone(),
        d.country(),
        d.region(),
        d.postcode(),
        d.industry(),
        d.employees(),
        d.source(),
        d.campaign(),
        owner,
        d.consent());
  }
}
