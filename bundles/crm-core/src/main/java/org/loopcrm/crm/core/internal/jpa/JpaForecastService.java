package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Query;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.sales.Forecast;
import org.loopcrm.crm.api.sales.ForecastAccuracy;
import org.loopcrm.crm.api.sales.ForecastAccuracy.Measure;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.ForecastGrouping;
import org.loopcrm.crm.api.sales.ForecastPeriod;
import org.loopcrm.crm.api.sales.ForecastQuery;
import org.loopcrm.crm.api.sales.ForecastRow;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.ForecastSnapshot;
import org.loopcrm.crm.api.sales.Quota;
import org.loopcrm.crm.api.sales.QuotaDraft;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.security.Permissions;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The forecast, quotas and snapshots over JPA (decisions.md §32). The forecast and the accuracy are
 * aggregate queries grouped by (group, status, category, currency): the database sums, Java only
 * folds the few group rows into forecast rows. A snapshot is one insert-select.
 */
@Component(service = ForecastService.class)
public final class JpaForecastService implements ForecastService {
  static final String QUOTA = "quota";
  static final String SNAPSHOT = "forecast-snapshot";
  static final String TOTAL = "total";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000000000");

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;
  private final SalesPolicy sales;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaForecastService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy,
      @Reference SalesPolicy sales) {
    this(emf, Clock.systemUTC(), policy, sales);
  }

  JpaForecastService(
      EntityManagerFactory emf, Clock clock, AccessPolicy policy, SalesPolicy sales) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
    this.sales = sales;
  }

  // ---------------------------------------------------------------------------------- forecast

  @Override
  public Forecast forecast(Actor actor, ForecastQuery query) {
    require(actor, Resource.FORECAST, Action.READ);
    ForecastPeriod period = ForecastPeriod.parse(query == null ? null : query.period());
    ForecastGrouping groupBy = query.groupBy() == null ? ForecastGrouping.OWNER : query.groupBy();
    return tx.readOnly(
        em -> {
          if (query.teamId() != null
              && em.find(TeamEntity.class, query.teamId().toString()) == null) {
            throw new NotFoundException("team", query.teamId());
          }
          Map<String, Object> params = new LinkedHashMap<>();
          String where = where(em, actor, period, query, params);
          List<Object[]> groups = groups(em, groupBy, where, params);
          List<Object[]> totals = groups(em, null, where, params);
          Map<String, String> labels =
              groupBy == ForecastGrouping.TEAM ? teamNames(em, groups) : Map.of();
          Map<List<String>, BigDecimal> quotas = quotas(em, groupBy, period, groups);
          List<ForecastRow> rows = fold(groupBy, groups, labels, quotas);
          List<ForecastRow> sums = fold(null, totals, Map.of(), Map.of());
          return new Forecast(period, groupBy, rows, sums);
        });
  }

  /** The conditions every forecast query shares, on the opportunity {@code p}. */
  private String where(
      EntityManager em,
      Actor actor,
      ForecastPeriod period,
      ForecastQuery q,
      Map<String, Object> params) {
    StringBuilder w =
        new StringBuilder(
            " o.id = p.accountId and p.closeDate >= :from and p.closeDate <= :to"
                + " and p.status <> :lost and (p.status = :won or p.forecastCategory <> :omitted)");
    params.put("from", period.start());
    params.put("to", period.end());
    params.put("lost", StageKind.LOST);
    params.put("won", StageKind.WON);
    params.put("omitted", ForecastCategory.OMITTED);
    Visibility.Circle circle = Visibility.circle(em, actor);
    String visible = Visibility.listCondition(circle, policy);
    if (visible != null) {
      w.append(" and ").append(visible);
      Visibility.bind(circle, params);
    }
    if (q.pipeline() != null && !q.pipeline().isBlank()) {
      w.append(" and p.pipeline = :pipeline");
      params.put("pipeline", q.pipeline().strip());
    }
    if (q.owner() != null && !q.owner().isBlank()) {
      w.append(" and p.owner = :owner");
      params.put("owner", q.owner().strip());
    }
    if (q.teamId() != null) {
      w.append(
          " and exists (select tm.userName from TeamMemberEntity tm where tm.teamId = :team"
              + " and tm.userName = p.owner)");
      params.put("team", q.teamId().toString());
    }
    return w.toString();
  }

  /**
   * Rows of (key, status, category, currency, count, sum of amounts, sum of amount × probability);
   * without a key column for the totals and for CATEGORY (whose key is the status and category).
   */
  private static List<Object[]> groups(
      EntityManager em, ForecastGrouping groupBy, String where, Map<String, Object> params) {
    String key;
    String from = "OpportunityEntity p, OrganizationEntity o";
    String amount = "p.amount";
    String count = "count(p)";
    String join = "";
    if (groupBy == null || groupBy == ForecastGrouping.CATEGORY) {
      key = null;
    } else {
      switch (groupBy) {
        case OWNER -> key = "p.owner";
        case TEAM -> {
          key = "m.teamId";
          from += ", TeamMemberEntity m";
          join = " and m.userName = p.owner";
        }
        case PRODUCT -> {
          key = "l.productCode";
          from = "OpportunityLineEntity l join l.opportunity p, OrganizationEntity o";
          amount = "l.total";
          count = "count(distinct p.id)";
        }
        default -> throw new IllegalStateException("grouping " + groupBy);
      }
    }
    String groupKeys = (key == null ? "" : key + ", ") + "p.status, p.forecastCategory, p.currency";
    String jpql =
        "select "
            + (key == null ? "'" + TOTAL + "', " : key + ", ")
            + "p.status, p.forecastCategory, p.currency, "
            + count
            + ", sum("
            + amount
            + "), sum("
            + amount
            + " * p.probability) from "
            + from
            + " where"
            + where
            + join
            + " group by "
            + groupKeys;
    Query query = em.createQuery(jpql);
    params.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows;
  }

  /** The column an open opportunity's amount goes into; an open CLOSED one counts as COMMIT. */
  private static ForecastCategory column(StageKind status, ForecastCategory category) {
    if (status == StageKind.WON) {
      return ForecastCategory.CLOSED;
    }
    return category == ForecastCategory.CLOSED ? ForecastCategory.COMMIT : category;
  }

  private static final class Sum {
    long count;
    BigDecimal pipeline = BigDecimal.ZERO;
    BigDecimal bestCase = BigDecimal.ZERO;
    BigDecimal commit = BigDecimal.ZERO;
    BigDecimal closed = BigDecimal.ZERO;
    BigDecimal weightedOpen = BigDecimal.ZERO;

    void add(ForecastCategory column, long n, BigDecimal amount, BigDecimal weighted) {
      count += n;
      switch (column) {
        case PIPELINE -> pipeline = pipeline.add(amount);
        case BEST_CASE -> bestCase = bestCase.add(amount);
        case COMMIT -> commit = commit.add(amount);
        case CLOSED -> closed = closed.add(amount);
        default -> {
          // OMITTED is filtered out by the query
        }
      }
      if (column != ForecastCategory.CLOSED) {
        weightedOpen = weightedOpen.add(weighted);
      }
    }

    BigDecimal weighted() {
      return closed.add(weightedOpen.divide(HUNDRED, 2, RoundingMode.HALF_UP));
    }
  }

  private static List<ForecastRow> fold(
      ForecastGrouping groupBy,
      List<Object[]> groups,
      Map<String, String> labels,
      Map<List<String>, BigDecimal> quotas) {
    Map<List<String>, Sum> sums = new TreeMap<>(keyOrder(groupBy));
    for (Object[] g : groups) {
      StageKind status = (StageKind) g[1];
      ForecastCategory column = column(status, (ForecastCategory) g[2]);
      String key = groupBy == ForecastGrouping.CATEGORY ? column.name() : (String) g[0];
      String currency = (String) g[3];
      sums.computeIfAbsent(List.of(key, currency), k -> new Sum())
          .add(column, ((Number) g[4]).longValue(), decimal(g[5]), decimal(g[6]));
    }
    List<ForecastRow> rows = new ArrayList<>();
    sums.forEach(
        (k, s) -> {
          BigDecimal quota = quotas.get(k);
          rows.add(
              new ForecastRow(
                  k.get(0),
                  labels.getOrDefault(k.get(0), k.get(0)),
                  k.get(1),
                  s.count,
                  s.pipeline.setScale(2, RoundingMode.HALF_UP),
                  s.bestCase.setScale(2, RoundingMode.HALF_UP),
                  s.commit.setScale(2, RoundingMode.HALF_UP),
                  s.closed.setScale(2, RoundingMode.HALF_UP),
                  s.weighted(),
                  quota,
                  quota == null ? null : s.closed.divide(quota, 4, RoundingMode.HALF_UP)));
        });
    return rows;
  }

  private static Comparator<List<String>> keyOrder(ForecastGrouping groupBy) {
    Comparator<List<String>> byKey =
        groupBy == ForecastGrouping.CATEGORY
            ? Comparator.comparing(k -> ForecastCategory.valueOf(k.get(0)))
            : Comparator.comparing(k -> k.get(0));
    return byKey.thenComparing(k -> k.get(1));
  }

  private static BigDecimal decimal(Object o) {
    if (o == null) {
      return BigDecimal.ZERO;
    }
    return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
  }

  private static Map<String, String> teamNames(EntityManager em, List<Object[]> groups) {
    List<String> ids = groups.stream().map(g -> (String) g[0]).distinct().toList();
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    for (Object[] t :
        em.createQuery("select t.id, t.name from TeamEntity t where t.id in :ids", Object[].class)
            .setParameter("ids", ids)
            .getResultList()) {
      names.put((String) t[0], (String) t[1]);
    }
    return names;
  }

  /**
   * The quotas of the rows' owners (teams) for the period, by (key, currency). A period without a
   * quota of its own takes the sum of its parts when every part has one in that currency: a quarter
   * its three months, a year its four quarters (each a quota of its own or its months' sum).
   */
  private static Map<List<String>, BigDecimal> quotas(
      EntityManager em, ForecastGrouping groupBy, ForecastPeriod period, List<Object[]> groups) {
    if (groupBy != ForecastGrouping.OWNER && groupBy != ForecastGrouping.TEAM) {
      return Map.of();
    }
    List<String> keys = groups.stream().map(g -> (String) g[0]).distinct().toList();
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<String> periods = new ArrayList<>(List.of(period.key()));
    for (ForecastPeriod part : parts(period)) {
      periods.add(part.key());
      parts(part).forEach(p -> periods.add(p.key()));
    }
    String column = groupBy == ForecastGrouping.OWNER ? "q.userName" : "q.teamId";
    // (subject, currency) → period key → amount
    Map<List<String>, Map<String, BigDecimal>> set = new HashMap<>();
    for (Object[] q :
        em.createQuery(
                "select "
                    + column
                    + ", q.currency, q.period, q.amount from QuotaEntity q where q.period in"
                    + " :periods and "
                    + column
                    + " in :keys",
                Object[].class)
            .setParameter("periods", periods)
            .setParameter("keys", keys)
            .getResultList()) {
      set.computeIfAbsent(List.of((String) q[0], (String) q[1]), k -> new HashMap<>())
          .put((String) q[2], (BigDecimal) q[3]);
    }
    Map<List<String>, BigDecimal> out = new HashMap<>();
    set.forEach(
        (subject, byPeriod) -> {
          BigDecimal quota = quotaOf(period, byPeriod);
          if (quota != null) {
            out.put(subject, quota);
          }
        });
    return out;
  }

  /** The period's own quota, else the sum of its parts' when each has one, else null. */
  private static BigDecimal quotaOf(ForecastPeriod period, Map<String, BigDecimal> byPeriod) {
    BigDecimal own = byPeriod.get(period.key());
    List<ForecastPeriod> parts = parts(period);
    if (own != null || parts.isEmpty()) {
      return own;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (ForecastPeriod part : parts) {
      BigDecimal q = quotaOf(part, byPeriod);
      if (q == null) {
        return null;
      }
      sum = sum.add(q);
    }
    return sum;
  }

  /** A year's quarters, a quarter's months; a month has none. */
  static List<ForecastPeriod> parts(ForecastPeriod period) {
    String key = period.key();
    List<ForecastPeriod> parts = new ArrayList<>();
    if (key.length() == 4) {
      for (int q = 1; q <= 4; q++) {
        parts.add(ForecastPeriod.parse(key + "-Q" + q));
      }
    } else if (key.charAt(5) == 'Q') {
      for (java.time.YearMonth m = java.time.YearMonth.from(period.start());
          !m.atDay(1).isAfter(period.end());
          m = m.plusMonths(1)) {
        parts.add(ForecastPeriod.parse(m.toString()));
      }
    }
    return parts;
  }

  // ------------------------------------------------------------------------------------ quotas

  @Override
  public Quota setQuota(Actor actor, QuotaDraft draft, Long expectedVersion) {
    require(actor, Resource.QUOTA, expectedVersion == null ? Action.CREATE : Action.UPDATE);
    QuotaDraft d = check(draft);
    ForecastPeriod period = ForecastPeriod.parse(d.period());
    return tx.inTransaction(
        em -> {
          if (d.teamId() != null && em.find(TeamEntity.class, d.teamId().toString()) == null) {
            throw new NotFoundException("team", d.teamId());
          }
          Instant now = now();
          QuotaEntity q = find(em, d.user(), d.teamId(), period.key());
          if (q == null) {
            if (expectedVersion != null) {
              throw new NotFoundException(
                  QUOTA, subject(d.user(), d.teamId()) + "/" + period.key());
            }
            q = new QuotaEntity();
            q.id = UUID.randomUUID().toString();
            q.userName = d.user();
            q.teamId = d.teamId() == null ? null : d.teamId().toString();
            q.period = period.key();
            q.amount = d.amount();
            q.currency = d.currency();
            q.updatedAt = now;
            q.updatedBy = actor.user();
            em.persist(q);
            em.flush();
            AuditLog.record(em, actor, AuditAction.CREATE, QUOTA, q.id, null, image(q), now);
            return toQuota(q);
          }
          if (expectedVersion == null) {
            throw new ConflictException(
                "the quota of "
                    + subject(d.user(), d.teamId())
                    + " for "
                    + period.key()
                    + " exists already (version "
                    + q.version
                    + "): name that version to change it");
          }
          if (q.version != expectedVersion) {
            throw new StaleVersionException(QUOTA, q.id, expectedVersion, q.version);
          }
          Map<String, Object> before = image(q);
          q.amount = d.amount();
          q.currency = d.currency();
          q.updatedAt = now;
          q.updatedBy = actor.user();
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, QUOTA, q.id, before, image(q), now);
          return toQuota(q);
        });
  }

  private QuotaDraft check(QuotaDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("quota", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    String user = d.user() == null || d.user().isBlank() ? null : d.user().strip();
    if (user == null && d.teamId() == null) {
      errors.add(new FieldError("user", "is required: a user's or a team's quota"));
    } else if (user != null && d.teamId() != null) {
      errors.add(new FieldError("teamId", "must be absent for a user's quota"));
    } else if (user != null && !Permissions.USER_NAME.matcher(user).matches()) {
      errors.add(new FieldError("user", "is no valid user name"));
    }
    try {
      ForecastPeriod.parse(d.period());
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    if (d.amount() == null) {
      errors.add(new FieldError("amount", "is required"));
    } else if (d.amount().signum() <= 0 || d.amount().compareTo(MAX_AMOUNT) >= 0) {
      errors.add(new FieldError("amount", "must be greater than zero and less than 10^17"));
    } else if (d.amount().stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError("amount", "must have at most 2 decimals"));
    }
    String currency =
        d.currency() == null || d.currency().isBlank()
            ? sales.defaultCurrency()
            : d.currency().strip();
    if (!SalesPolicy.CURRENCY.matcher(currency).matches()) {
      errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new QuotaDraft(
        user,
        d.teamId(),
        d.period().strip(),
        d.amount().setScale(2, RoundingMode.UNNECESSARY),
        currency);
  }

  @Override
  public List<Quota> quotas(Actor actor, String period) {
    require(actor, Resource.QUOTA, Action.READ);
    String key = period == null || period.isBlank() ? null : ForecastPeriod.parse(period).key();
    return tx.readOnly(
        em ->
            withPeriod(
                    em.createQuery(
                        "select q from QuotaEntity q"
                            + (key == null ? "" : " where q.period = :period"),
                        QuotaEntity.class),
                    key)
                .getResultList()
                .stream()
                .sorted(
                    Comparator.comparing((QuotaEntity q) -> q.period)
                        .thenComparing(q -> q.userName == null ? "~" : q.userName)
                        .thenComparing(q -> Objects.toString(q.teamId, "")))
                .map(JpaForecastService::toQuota)
                .toList());
  }

  @Override
  public Quota quota(Actor actor, String user, UUID teamId, String period) {
    require(actor, Resource.QUOTA, Action.READ);
    String key = ForecastPeriod.parse(period).key();
    return tx.readOnly(
        em -> {
          QuotaEntity q = find(em, user, teamId, key);
          if (q == null) {
            throw new NotFoundException(QUOTA, subject(user, teamId) + "/" + key);
          }
          return toQuota(q);
        });
  }

  @Override
  public void deleteQuota(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.QUOTA, Action.DELETE);
    tx.inTransaction(
        em -> {
          QuotaEntity q = em.find(QuotaEntity.class, id.toString());
          if (q == null) {
            throw new NotFoundException(QUOTA, id);
          }
          if (q.version != expectedVersion) {
            throw new StaleVersionException(QUOTA, q.id, expectedVersion, q.version);
          }
          Map<String, Object> before = image(q);
          em.remove(q);
          AuditLog.record(em, actor, AuditAction.DELETE, QUOTA, q.id, before, null, now());
          return null;
        });
  }

  private static QuotaEntity find(EntityManager em, String user, UUID teamId, String period) {
    if (user == null && teamId == null) {
      return null;
    }
    List<QuotaEntity> found =
        em.createQuery(
                "select q from QuotaEntity q where q.period = :period and "
                    + (user != null ? "q.userName = :subject" : "q.teamId = :subject"),
                QuotaEntity.class)
            .setParameter("period", period)
            .setParameter("subject", user != null ? user : teamId.toString())
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  private static String subject(String user, UUID teamId) {
    return user != null ? user : "team " + teamId;
  }

  private static Map<String, Object> image(QuotaEntity q) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (q.userName != null) {
      m.put("user", q.userName);
    }
    if (q.teamId != null) {
      m.put("teamId", q.teamId);
    }
    m.put("period", q.period);
    m.put("amount", q.amount.toPlainString());
    m.put("currency", q.currency);
    return m;
  }

  private static Quota toQuota(QuotaEntity q) {
    return new Quota(
        UUID.fromString(q.id),
        q.userName,
        q.teamId == null ? null : UUID.fromString(q.teamId),
        q.period,
        q.amount.setScale(2, RoundingMode.HALF_UP),
        q.currency,
        q.version,
        q.updatedAt,
        q.updatedBy);
  }

  // --------------------------------------------------------------------------------- snapshots

  @Override
  public ForecastSnapshot snapshot(Actor actor, String period) {
    require(actor, Resource.FORECAST_SNAPSHOT, Action.CREATE);
    ForecastPeriod p = ForecastPeriod.parse(period);
    return tx.inTransaction(
        em -> {
          Instant now = now();
          ForecastSnapshotEntity s = new ForecastSnapshotEntity();
          s.id = UUID.randomUUID().toString();
          s.period = p.key();
          s.periodStart = p.start();
          s.periodEnd = p.end();
          s.takenAt = now;
          s.takenBy = actor.user();
          em.persist(s);
          em.flush();
          // Every opportunity closing in the period, whoever may see it: the snapshot is the
          // organisation's record; reading it applies the reader's visibility.
          s.opportunityCount =
              em.createNativeQuery(
                      "insert into crm_forecast_snapshot_line (snapshot_id, opportunity_id,"
                          + " account_id, owner, pipeline, stage, status, probability,"
                          + " forecast_category, amount, currency, close_date) select ?1, p.id,"
                          + " p.account_id, p.owner, p.pipeline, p.stage, p.status, p.probability,"
                          + " p.forecast_category, p.amount, p.currency, p.close_date from"
                          + " crm_opportunity p where p.close_date >= ?2 and p.close_date <= ?3")
                  .setParameter(1, s.id)
                  .setParameter(2, java.sql.Date.valueOf(p.start()))
                  .setParameter(3, java.sql.Date.valueOf(p.end()))
                  .executeUpdate();
          em.flush();
          Map<String, Object> image = new LinkedHashMap<>();
          image.put("period", s.period);
          image.put("opportunities", s.opportunityCount);
          AuditLog.record(em, actor, AuditAction.CREATE, SNAPSHOT, s.id, null, image, now);
          return toSnapshot(s);
        });
  }

  @Override
  public List<ForecastSnapshot> snapshots(Actor actor, String period) {
    require(actor, Resource.FORECAST_SNAPSHOT, Action.READ);
    String key = period == null || period.isBlank() ? null : ForecastPeriod.parse(period).key();
    return tx.readOnly(
        em ->
            withPeriod(
                    em.createQuery(
                        "select s from ForecastSnapshotEntity s"
                            + (key == null ? "" : " where s.period = :period")
                            + " order by s.takenAt desc, s.id",
                        ForecastSnapshotEntity.class),
                    key)
                .getResultList()
                .stream()
                .map(JpaForecastService::toSnapshot)
                .toList());
  }

  @Override
  public List<ForecastAccuracy> accuracy(Actor actor, String period) {
    require(actor, Resource.FORECAST_SNAPSHOT, Action.READ);
    ForecastPeriod p = ForecastPeriod.parse(period);
    return tx.readOnly(
        em -> {
          List<ForecastSnapshotEntity> snaps =
              em.createQuery(
                      "select s from ForecastSnapshotEntity s where s.period = :period"
                          + " order by s.takenAt, s.id",
                      ForecastSnapshotEntity.class)
                  .setParameter("period", p.key())
                  .getResultList();
          if (snaps.isEmpty()) {
            return List.of();
          }
          Visibility.Circle circle = Visibility.circle(em, actor);
          String visible = Visibility.listCondition(circle, policy);
          Map<String, Object> params = new LinkedHashMap<>();
          if (visible != null) {
            Visibility.bind(circle, params);
          }
          // What each snapshot forecast, per currency.
          StringBuilder jpql =
              new StringBuilder(
                  "select l.snapshotId, l.status, l.forecastCategory, l.currency, count(l),"
                      + " sum(l.amount), sum(l.amount * l.probability) from"
                      + " ForecastSnapshotLineEntity l");
          if (visible != null) {
            jpql.append(", OrganizationEntity o where o.id = l.accountId and ").append(visible);
          } else {
            jpql.append(" where 1 = 1");
          }
          jpql.append(
              " and l.snapshotId in :ids and l.status <> :lost and (l.status = :won or"
                  + " l.forecastCategory <> :omitted) group by l.snapshotId, l.status,"
                  + " l.forecastCategory, l.currency");
          Query q = em.createQuery(jpql.toString());
          params.forEach(q::setParameter);
          q.setParameter("ids", snaps.stream().map(s -> s.id).toList());
          q.setParameter("lost", StageKind.LOST);
          q.setParameter("won", StageKind.WON);
          q.setParameter("omitted", ForecastCategory.OMITTED);
          @SuppressWarnings("unchecked")
          List<Object[]> lines = q.getResultList();
          Map<String, Map<String, Sum>> forecast = new HashMap<>();
          for (Object[] g : lines) {
            forecast
                .computeIfAbsent((String) g[0], k -> new TreeMap<>())
                .computeIfAbsent((String) g[3], k -> new Sum())
                .add(
                    column((StageKind) g[1], (ForecastCategory) g[2]),
                    ((Number) g[4]).longValue(),
                    decimal(g[5]),
                    decimal(g[6]));
          }
          // What is won in the period now, per currency.
          StringBuilder won =
              new StringBuilder(
                  "select p.currency, sum(p.amount) from OpportunityEntity p,"
                      + " OrganizationEntity o where o.id = p.accountId and p.status = :won"
                      + " and p.closeDate >= :from and p.closeDate <= :to");
          if (visible != null) {
            won.append(" and ").append(visible);
          }
          won.append(" group by p.currency");
          Query w = em.createQuery(won.toString());
          params.forEach(w::setParameter);
          w.setParameter("won", StageKind.WON);
          w.setParameter("from", p.start());
          w.setParameter("to", p.end());
          Map<String, BigDecimal> actual = new HashMap<>();
          @SuppressWarnings("unchecked")
          List<Object[]> wonRows = w.getResultList();
          for (Object[] r : wonRows) {
            actual.put((String) r[0], decimal(r[1]).setScale(2, RoundingMode.HALF_UP));
          }
          List<ForecastAccuracy> out = new ArrayList<>();
          for (ForecastSnapshotEntity s : snaps) {
            Map<String, Sum> f = forecast.getOrDefault(s.id, Map.of());
            TreeSet<String> currencies = new TreeSet<>(f.keySet());
            currencies.addAll(actual.keySet());
            for (String c : currencies) {
              Sum sum = f.getOrDefault(c, new Sum());
              BigDecimal act = actual.getOrDefault(c, BigDecimal.ZERO.setScale(2));
              BigDecimal commit = sum.closed.add(sum.commit).setScale(2, RoundingMode.HALF_UP);
              BigDecimal bestCase = commit.add(sum.bestCase).setScale(2, RoundingMode.HALF_UP);
              out.add(
                  new ForecastAccuracy(
                      UUID.fromString(s.id),
                      s.takenAt,
                      c,
                      act,
                      Measure.of(commit, act),
                      Measure.of(bestCase, act),
                      Measure.of(sum.weighted(), act)));
            }
          }
          return out;
        });
  }

  private static ForecastSnapshot toSnapshot(ForecastSnapshotEntity s) {
    return new ForecastSnapshot(
        UUID.fromString(s.id), s.period, s.takenAt, s.takenBy, s.opportunityCount);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static <T> javax.persistence.TypedQuery<T> withPeriod(
      javax.persistence.TypedQuery<T> q, String key) {
    return key == null ? q : q.setParameter("period", key);
  }
}
