package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.Team;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.sales.Forecast;
import org.loopcrm.crm.api.sales.ForecastAccuracy;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.ForecastGrouping;
import org.loopcrm.crm.api.sales.ForecastQuery;
import org.loopcrm.crm.api.sales.ForecastRow;
import org.loopcrm.crm.api.sales.ForecastSnapshot;
import org.loopcrm.crm.api.sales.LineDraft;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.Quota;
import org.loopcrm.crm.api.sales.QuotaDraft;
import org.loopcrm.crm.core.internal.erp.ErpLiveAccess;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/**
 * The forecast, quotas and snapshots (decisions.md §32), on each database. Each test works in a
 * period of its own, so the tests do not see each other's opportunities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ForecastContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor MANAGER = new Actor("boss", Set.of(Role.CRM_MANAGER), Actor.Channel.REST);

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaOpportunityService opportunities;
  private JpaAccessService access;
  private JpaForecastService forecasts;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    clock.set(Instant.parse("2030-01-10T10:00:00Z"));
    accounts = new JpaAccountService(emf, clock);
    ErpLiveAccess erp = new ErpLiveAccess(accounts, clock);
    opportunities =
        new JpaOpportunityService(
            emf, clock, AccessPolicy.privateAccess(), SalesPolicy.defaults(), erp.service());
    access = new JpaAccessService(emf, clock, AccessPolicy.privateAccess());
    forecasts =
        new JpaForecastService(emf, clock, AccessPolicy.privateAccess(), SalesPolicy.defaults());
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Actor user(Role role) {
    return new Actor(unique(role.realmName()), Set.of(role), Actor.Channel.REST);
  }

  private Account account(Actor owner) {
    return accounts.create(
        owner, new AccountDraft(unique("Fc"), null, owner.user(), LifecycleStage.PROSPECT));
  }

  /** An opportunity with an explicit probability and category. */
  private Opportunity opp(
      Actor owner,
      Account a,
      String amount,
      String currency,
      String closeDate,
      int probability,
      ForecastCategory category) {
    return opportunities.create(
        owner,
        new OpportunityDraft(
            a.id(),
            null,
            unique("Deal"),
            null,
            null,
            null,
            probability,
            category,
            new BigDecimal(amount),
            currency,
            LocalDate.parse(closeDate),
            null,
            null,
            null,
            null,
            null,
            null));
  }

  private Opportunity win(Actor actor, Opportunity o) {
    return opportunities.win(actor, o.id(), o.version(), null, "signed");
  }

  private static List<String> fields(Throwable e) {
    return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
  }

  private static ForecastRow row(Forecast f, String key, String currency) {
    return f.rows().stream()
        .filter(r -> r.key().equals(key) && r.currency().equals(currency))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + " " + currency + ": " + f));
  }

  @Test
  void aForecastSumsEachCategoryWeightsTheOpenOnesAndNeverAddsCurrencies() {
    clock.set(Instant.parse("2030-02-01T09:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    opp(sales, a, "1000.00", "EUR", "2030-03-10", 20, ForecastCategory.PIPELINE);
    opp(sales, a, "2000.00", "EUR", "2030-02-15", 50, ForecastCategory.BEST_CASE);
    opp(sales, a, "3000.00", "EUR", "2030-01-20", 80, ForecastCategory.COMMIT);
    opp(sales, a, "500.00", "EUR", "2030-03-01", 5, ForecastCategory.OMITTED);
    opp(sales, a, "700.00", "USD", "2030-03-30", 90, ForecastCategory.COMMIT);
    Opportunity toWin = opp(sales, a, "400.00", "EUR", "2030-03-31", 60, ForecastCategory.COMMIT);
    win(sales, toWin); // closes on 2030-02-01, in the quarter
    Opportunity toLose = opp(sales, a, "900.00", "EUR", "2030-03-31", 60, ForecastCategory.COMMIT);
    opportunities.lose(sales, toLose.id(), toLose.version(), null, "price", null);
    opp(sales, a, "8000.00", "EUR", "2030-04-01", 90, ForecastCategory.COMMIT); // next quarter

    Forecast byOwner =
        forecasts.forecast(
            ADMIN, new ForecastQuery("2030-Q1", ForecastGrouping.OWNER, null, sales.user(), null));
    assertThat(byOwner.period().start()).isEqualTo(LocalDate.parse("2030-01-01"));
    assertThat(byOwner.period().end()).isEqualTo(LocalDate.parse("2030-03-31"));
    assertThat(byOwner.rows())
        .extracting(
            ForecastRow::key,
            ForecastRow::currency,
            ForecastRow::count,
            ForecastRow::pipeline,
            ForecastRow::bestCase,
            ForecastRow::commit,
            ForecastRow::closed,
            ForecastRow::weighted,
            ForecastRow::quota)
        .containsExactly(
            tuple(
                sales.user(),
                "EUR",
                4L,
                new BigDecimal("1000.00"),
                new BigDecimal("2000.00"),
                new BigDecimal("3000.00"),
                new BigDecimal("400.00"),
                // 200 + 1000 + 2400 open, weighted, plus the 400 won
                new BigDecimal("4000.00"),
                null),
            tuple(
                sales.user(),
                "USD",
                1L,
                new BigDecimal("0.00"),
                new BigDecimal("0.00"),
                new BigDecimal("700.00"),
                new BigDecimal("0.00"),
                new BigDecimal("630.00"),
                null));
    assertThat(byOwner.totals())
        .extracting(ForecastRow::key, ForecastRow::currency, ForecastRow::weighted)
        .containsExactly(
            tuple("total", "EUR", new BigDecimal("4000.00")),
            tuple("total", "USD", new BigDecimal("630.00")));

    Forecast byCategory =
        forecasts.forecast(
            sales, new ForecastQuery("2030-Q1", ForecastGrouping.CATEGORY, null, null, null));
    assertThat(byCategory.rows())
        .extracting(ForecastRow::key, ForecastRow::currency, ForecastRow::count)
        .containsExactly(
            tuple("PIPELINE", "EUR", 1L),
            tuple("BEST_CASE", "EUR", 1L),
            tuple("COMMIT", "EUR", 1L),
            tuple("COMMIT", "USD", 1L),
            tuple("CLOSED", "EUR", 1L));
    assertThat(row(byCategory, "CLOSED", "EUR").closed()).isEqualByComparingTo("400");

    // A month and a year are periods too; the month of March holds only the March deals.
    Forecast march =
        forecasts.forecast(
            sales, new ForecastQuery("2030-03", ForecastGrouping.OWNER, null, null, null));
    assertThat(row(march, sales.user(), "EUR").pipeline()).isEqualByComparingTo("1000");
    assertThat(row(march, sales.user(), "EUR").commit()).isEqualByComparingTo("0");
    Forecast year =
        forecasts.forecast(
            sales, new ForecastQuery("2030", ForecastGrouping.OWNER, null, null, null));
    assertThat(row(year, sales.user(), "EUR").commit()).isEqualByComparingTo("11000");
  }

  @Test
  void aForecastCountsOnlyWhatTheCallerSees() {
    clock.set(Instant.parse("2031-01-05T09:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    opp(sales, a, "1000.00", "EUR", "2031-02-10", 50, ForecastCategory.BEST_CASE);
    Actor stranger = user(Role.CRM_SALES);

    assertThat(
            forecasts
                .forecast(stranger, ForecastQuery.of("2031-Q1", ForecastGrouping.OWNER))
                .rows())
        .isEmpty();
    assertThat(
            forecasts
                .forecast(stranger, ForecastQuery.of("2031-Q1", ForecastGrouping.OWNER))
                .totals())
        .isEmpty();
    assertThat(
            forecasts.forecast(sales, ForecastQuery.of("2031-Q1", ForecastGrouping.OWNER)).rows())
        .extracting(ForecastRow::key)
        .containsExactly(sales.user());
    assertThat(
            forecasts.forecast(ADMIN, ForecastQuery.of("2031-Q1", ForecastGrouping.OWNER)).rows())
        .extracting(ForecastRow::key)
        .contains(sales.user());
    // The pipeline filter: nothing on a pipeline that holds nothing.
    assertThat(
            forecasts
                .forecast(
                    sales, new ForecastQuery("2031-Q1", ForecastGrouping.OWNER, "NONE", null, null))
                .rows())
        .isEmpty();
  }

  @Test
  void aPeriodMustBeAMonthAQuarterOrAYear() {
    for (String bad : List.of("2030-Q5", "2030-13", "30-Q1", "2030-1", "Q1-2030", "")) {
      Throwable e =
          catchThrowable(
              () -> forecasts.forecast(ADMIN, ForecastQuery.of(bad, ForecastGrouping.OWNER)));
      assertThat(e).as(bad).isInstanceOf(ValidationException.class);
      assertThat(fields(e)).containsExactly("period");
    }
    assertThat(fields(catchThrowable(() -> forecasts.snapshot(ADMIN, "2030-Q0"))))
        .containsExactly("period");
    assertThat(fields(catchThrowable(() -> forecasts.accuracy(ADMIN, "soon"))))
        .containsExactly("period");
    assertThatThrownBy(
            () ->
                forecasts.forecast(
                    ADMIN,
                    new ForecastQuery(
                        "2030-Q1", ForecastGrouping.TEAM, null, null, UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void quotasAreSetByManagersWithTheirVersionAndGiveTheAttainment() {
    clock.set(Instant.parse("2032-02-01T09:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    win(sales, opp(sales, a, "2500.00", "EUR", "2032-03-01", 50, ForecastCategory.COMMIT));
    opp(sales, a, "1000.00", "EUR", "2032-03-01", 50, ForecastCategory.COMMIT);

    assertThatThrownBy(
            () ->
                forecasts.setQuota(
                    sales,
                    new QuotaDraft(sales.user(), null, "2032-Q1", new BigDecimal("10000"), null),
                    null))
        .isInstanceOf(AccessDeniedException.class);
    Quota q =
        forecasts.setQuota(
            MANAGER,
            new QuotaDraft(sales.user(), null, "2032-Q1", new BigDecimal("10000"), null),
            null);
    assertThat(q.currency()).isEqualTo("EUR");
    assertThat(q.amount()).isEqualByComparingTo("10000");
    assertThat(q.updatedBy()).isEqualTo("boss");

    ForecastRow row =
        row(
            forecasts.forecast(sales, ForecastQuery.of("2032-Q1", ForecastGrouping.OWNER)),
            sales.user(),
            "EUR");
    assertThat(row.quota()).isEqualByComparingTo("10000");
    assertThat(row.attainment()).isEqualByComparingTo("0.25");

    // Setting it again needs the version read; a stale one is refused and changes nothing.
    assertThatThrownBy(
            () ->
                forecasts.setQuota(
                    MANAGER,
                    new QuotaDraft(sales.user(), null, "2032-Q1", new BigDecimal("1"), null),
                    null))
        .isInstanceOf(ConflictException.class);
    Quota changed =
        forecasts.setQuota(
            MANAGER,
            new QuotaDraft(sales.user(), null, "2032-Q1", new BigDecimal("5000"), "EUR"),
            q.version());
    assertThat(changed.version()).isGreaterThan(q.version());
    assertThatThrownBy(
            () ->
                forecasts.setQuota(
                    MANAGER,
                    new QuotaDraft(sales.user(), null, "2032-Q1", new BigDecimal("1"), null),
                    q.version()))
        .isInstanceOf(StaleVersionException.class);
    assertThat(forecasts.quota(sales, sales.user(), null, "2032-Q1").amount())
        .isEqualByComparingTo("5000");
    assertThat(
            row(
                    forecasts.forecast(sales, ForecastQuery.of("2032-Q1", ForecastGrouping.OWNER)),
                    sales.user(),
                    "EUR")
                .attainment())
        .isEqualByComparingTo("0.5");
    // The list of the period holds it, as changed.
    assertThat(forecasts.quotas(sales, "2032-Q1"))
        .extracting(Quota::user, Quota::amount)
        .contains(tuple(sales.user(), new BigDecimal("5000.00")));

    Throwable bad =
        catchThrowable(
            () ->
                forecasts.setQuota(
                    MANAGER,
                    new QuotaDraft("bad user!", null, "2032-Q9", new BigDecimal("-1"), "eur"),
                    null));
    assertThat(fields(bad)).containsExactlyInAnyOrder("user", "period", "amount", "currency");
    assertThat(
            fields(
                catchThrowable(
                    () ->
                        forecasts.setQuota(
                            MANAGER,
                            new QuotaDraft(
                                sales.user(), null, "2032-Q1", new BigDecimal("1.005"), null),
                            changed.version()))))
        .containsExactly("amount");

    assertThatThrownBy(() -> forecasts.deleteQuota(MANAGER, q.id(), q.version()))
        .isInstanceOf(StaleVersionException.class);
    forecasts.deleteQuota(MANAGER, q.id(), changed.version());
    assertThatThrownBy(() -> forecasts.quota(sales, sales.user(), null, "2032-Q1"))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            row(
                    forecasts.forecast(sales, ForecastQuery.of("2032-Q1", ForecastGrouping.OWNER)),
                    sales.user(),
                    "EUR")
                .quota())
        .isNull();
  }

  @Test
  void aQuarterOrAYearWithoutAQuotaOfItsOwnSumsItsPartsWhenEachHasOne() {
    clock.set(Instant.parse("2034-01-10T09:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    win(
        sales,
        opp(sales, account(sales), "3000.00", "EUR", "2034-02-01", 50, ForecastCategory.COMMIT));
    for (String month : List.of("2034-01", "2034-02")) {
      forecasts.setQuota(
          MANAGER, new QuotaDraft(sales.user(), null, month, new BigDecimal("1000"), "EUR"), null);
    }
    // Two months of three: the quarter has no quota rather than two thirds of one.
    assertThat(quotaOf(sales, "2034-Q1")).isNull();

    forecasts.setQuota(
        MANAGER,
        new QuotaDraft(sales.user(), null, "2034-03", new BigDecimal("2000"), "EUR"),
        null);
    ForecastRow q1 =
        row(
            forecasts.forecast(sales, ForecastQuery.of("2034-Q1", ForecastGrouping.OWNER)),
            sales.user(),
            "EUR");
    assertThat(q1.quota()).isEqualByComparingTo("4000");
    assertThat(q1.attainment()).isEqualByComparingTo("0.75");
    // A quota in another currency is another quota: it does not complete the EUR quarters.
    Quota usd =
        forecasts.setQuota(
            MANAGER,
            new QuotaDraft(sales.user(), null, "2034-Q2", new BigDecimal("9"), "USD"),
            null);
    for (String quarter : List.of("2034-Q3", "2034-Q4")) {
      forecasts.setQuota(
          MANAGER,
          new QuotaDraft(sales.user(), null, quarter, new BigDecimal("5000"), "EUR"),
          null);
    }
    assertThat(quotaOf(sales, "2034")).isNull();

    // The year: Q1 from its months, Q2 to Q4 set as quarters.
    forecasts.setQuota(
        MANAGER,
        new QuotaDraft(sales.user(), null, "2034-Q2", new BigDecimal("5000"), "EUR"),
        usd.version());
    assertThat(quotaOf(sales, "2034")).isEqualByComparingTo("19000");
    // A quota of the period itself wins over its parts.
    forecasts.setQuota(
        MANAGER,
        new QuotaDraft(sales.user(), null, "2034-Q1", new BigDecimal("6000"), "EUR"),
        null);
    assertThat(quotaOf(sales, "2034-Q1")).isEqualByComparingTo("6000");
    assertThat(quotaOf(sales, "2034")).isEqualByComparingTo("21000");
  }

  private BigDecimal quotaOf(Actor owner, String period) {
    return row(
            forecasts.forecast(owner, ForecastQuery.of(period, ForecastGrouping.OWNER)),
            owner.user(),
            "EUR")
        .quota();
  }

  @Test
  void aTeamRowSumsItsMembersWithTheTeamsQuota() {
    clock.set(Instant.parse("2033-01-05T09:00:00Z"));
    Actor ann = user(Role.CRM_SALES);
    Actor bob = user(Role.CRM_SALES);
    Actor loner = user(Role.CRM_SALES);
    Team team = access.createTeam(ADMIN, unique("North"), List.of(ann.user(), bob.user()));
    Opportunity annsDeal =
        opp(ann, account(ann), "1000.00", "EUR", "2033-02-01", 50, ForecastCategory.COMMIT);
    opp(bob, account(bob), "3000.00", "EUR", "2033-02-01", 10, ForecastCategory.PIPELINE);
    opp(loner, account(loner), "7000.00", "EUR", "2033-02-01", 10, ForecastCategory.PIPELINE);
    win(ann, annsDeal);
    forecasts.setQuota(
        ADMIN, new QuotaDraft(null, team.id(), "2033-Q1", new BigDecimal("4000"), "EUR"), null);

    Forecast byTeam =
        forecasts.forecast(
            ADMIN, new ForecastQuery("2033-Q1", ForecastGrouping.TEAM, null, null, team.id()));
    assertThat(byTeam.rows())
        .extracting(
            ForecastRow::key,
            ForecastRow::label,
            ForecastRow::count,
            ForecastRow::pipeline,
            ForecastRow::closed,
            ForecastRow::quota,
            ForecastRow::attainment)
        .containsExactly(
            tuple(
                team.id().toString(),
                team.name(),
                2L,
                new BigDecimal("3000.00"),
                new BigDecimal("1000.00"),
                new BigDecimal("4000.00"),
                new BigDecimal("0.2500")));
    // The team filter keeps the loner out of the totals too.
    assertThat(byTeam.totals())
        .extracting(ForecastRow::pipeline)
        .containsExactly(new BigDecimal("3000.00"));
    Forecast everyone =
        forecasts.forecast(ADMIN, ForecastQuery.of("2033-Q1", ForecastGrouping.TEAM));
    assertThat(everyone.totals())
        .extracting(ForecastRow::pipeline)
        .containsExactly(new BigDecimal("10000.00"));
  }

  @Test
  void aProductRowSumsTheLinesWeightedByTheirOpportunity() {
    clock.set(Instant.parse("2034-01-05T09:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opp(sales, a, "0", "EUR", "2034-02-01", 40, ForecastCategory.BEST_CASE);
    o =
        opportunities.addLine(
            sales,
            o.id(),
            o.version(),
            new LineDraft(
                "BELT-5", "belt", new BigDecimal("2"), new BigDecimal("100"), null, null));
    o =
        opportunities.addLine(
            sales,
            o.id(),
            o.version(),
            new LineDraft("MOTOR", "motor", BigDecimal.ONE, new BigDecimal("500"), null, null));
    Opportunity p = opp(sales, a, "0", "EUR", "2034-03-01", 50, ForecastCategory.COMMIT);
    p =
        opportunities.addLine(
            sales,
            p.id(),
            p.version(),
            new LineDraft(
                "BELT-5", "belt", new BigDecimal("1"), new BigDecimal("100"), null, null));
    win(sales, p);

    Forecast byProduct =
        forecasts.forecast(sales, ForecastQuery.of("2034-Q1", ForecastGrouping.PRODUCT));
    assertThat(byProduct.rows())
        .extracting(
            ForecastRow::key,
            ForecastRow::count,
            ForecastRow::bestCase,
            ForecastRow::closed,
            ForecastRow::weighted)
        .containsExactly(
            tuple(
                "BELT-5",
                2L,
                new BigDecimal("200.00"),
                new BigDecimal("100.00"),
                new BigDecimal("180.00")),
            tuple(
                "MOTOR",
                1L,
                new BigDecimal("500.00"),
                new BigDecimal("0.00"),
                new BigDecimal("200.00")));
  }

  @Test
  void snapshotsMeasureHowGoodTheForecastWas() {
    clock.set(Instant.parse("2035-01-05T09:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity big = opp(sales, a, "5000.00", "EUR", "2035-03-15", 80, ForecastCategory.COMMIT);
    Opportunity mid = opp(sales, a, "2000.00", "EUR", "2035-03-20", 50, ForecastCategory.BEST_CASE);
    opp(sales, a, "1000.00", "EUR", "2035-02-20", 10, ForecastCategory.PIPELINE);
    opp(sales, a, "300.00", "EUR", "2035-05-20", 10, ForecastCategory.PIPELINE); // Q2

    assertThatThrownBy(() -> forecasts.snapshot(sales, "2035-Q1"))
        .isInstanceOf(AccessDeniedException.class);
    ForecastSnapshot first = forecasts.snapshot(MANAGER, "2035-Q1");
    assertThat(first.opportunities()).isEqualTo(3);
    assertThat(first.takenBy()).isEqualTo("boss");

    // The big deal is won for less, the middle one slips to the next quarter.
    clock.set(Instant.parse("2035-02-10T09:00:00Z"));
    Opportunity changed =
        opportunities.update(
            sales,
            big.id(),
            big.version(),
            new OpportunityDraft(
                a.id(),
                null,
                "Big",
                null,
                null,
                null,
                80,
                ForecastCategory.COMMIT,
                new BigDecimal("4000.00"),
                "EUR",
                big.closeDate(),
                null,
                null,
                null,
                null,
                null,
                null));
    win(sales, changed);
    opportunities.update(
        sales,
        mid.id(),
        mid.version(),
        new OpportunityDraft(
            a.id(),
            null,
            "Mid",
            null,
            null,
            null,
            50,
            ForecastCategory.BEST_CASE,
            new BigDecimal("2000.00"),
            "EUR",
            LocalDate.parse("2035-04-15"),
            null,
            null,
            null,
            null,
            null,
            null));
    ForecastSnapshot second = forecasts.snapshot(Actor.system("forecast"), "2035-Q1");
    assertThat(second.opportunities()).isEqualTo(2);

    assertThat(forecasts.snapshots(sales, "2035-Q1"))
        .extracting(ForecastSnapshot::id)
        .containsExactly(second.id(), first.id());

    List<ForecastAccuracy> accuracy = forecasts.accuracy(sales, "2035-Q1");
    assertThat(accuracy)
        .extracting(ForecastAccuracy::snapshotId, ForecastAccuracy::currency)
        .containsExactly(tuple(first.id(), "EUR"), tuple(second.id(), "EUR"));
    ForecastAccuracy early = accuracy.get(0);
    assertThat(early.actual()).isEqualByComparingTo("4000");
    assertThat(early.commit().forecast()).isEqualByComparingTo("5000");
    assertThat(early.commit().difference()).isEqualByComparingTo("-1000");
    assertThat(early.commit().ratio()).isEqualByComparingTo("0.8");
    assertThat(early.bestCase().forecast()).isEqualByComparingTo("7000");
    // 4000 + 1000 + 100 weighted
    assertThat(early.weighted().forecast()).isEqualByComparingTo("5100");
    ForecastAccuracy late = accuracy.get(1);
    assertThat(late.commit().forecast()).isEqualByComparingTo("4000");
    assertThat(late.commit().ratio()).isEqualByComparingTo("1");
    assertThat(late.weighted().forecast()).isEqualByComparingTo("4100");

    // Who sees none of the opportunities measures nothing but sees the snapshots.
    Actor stranger = user(Role.CRM_SALES);
    assertThat(forecasts.accuracy(stranger, "2035-Q1")).isEmpty();
    assertThat(forecasts.accuracy(sales, "2036-Q1")).isEmpty();
  }
}
