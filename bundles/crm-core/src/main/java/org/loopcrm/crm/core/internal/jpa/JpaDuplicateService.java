package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.dedupe.ClusterMember;
import org.loopcrm.crm.api.dedupe.ClusterStatus;
import org.loopcrm.crm.api.dedupe.DuplicateCandidate;
import org.loopcrm.crm.api.dedupe.DuplicateCandidatesException;
import org.loopcrm.crm.api.dedupe.DuplicateCluster;
import org.loopcrm.crm.api.dedupe.DuplicateMode;
import org.loopcrm.crm.api.dedupe.DuplicateScan;
import org.loopcrm.crm.api.dedupe.DuplicateService;
import org.loopcrm.crm.api.dedupe.DuplicateSettings;
import org.loopcrm.crm.api.dedupe.ScanStatus;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.core.internal.dedupe.DedupeConfiguration;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.Cluster;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.Match;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.Member;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.ScanResult;
import org.loopcrm.crm.core.internal.dedupe.MatchRecord;
import org.loopcrm.crm.core.internal.dedupe.MatchRules;
import org.loopcrm.crm.core.internal.dedupe.Normalise;
import org.loopcrm.crm.core.internal.dedupe.RecordKind;
import org.loopcrm.crm.core.internal.dedupe.Rule;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duplicate detection on the persistence unit {@code crm} with the {@link DedupeEngine}: the online
 * check fetches a bounded pool of readable records that share a key or a name block with the draft;
 * the scan reads every account and contact, runs in a single background thread and replaces the
 * open clusters in one transaction (decisions.md §18).
 */
@Component(service = DuplicateService.class, configurationPid = "org.loopcrm.crm.dedupe")
@Designate(ocd = DedupeConfiguration.class)
public final class JpaDuplicateService implements DuplicateService {
  static final String CLUSTER = "duplicate-cluster";
  private static final Logger LOG = LoggerFactory.getLogger(JpaDuplicateService.class);
  private static final int POOL_LIMIT = 1000;
  private static final int MAX_LIST = 500;
  private static final int IN_CHUNK = 500;
  private static final String ACCOUNT = "account";
  private static final String CONTACT = "contact";

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;
  private final ExecutorService executor;
  private final Consumer<Runnable> submit;
  private volatile Settings settings;

  /** The configuration in force, parsed. */
  private record Settings(
      DuplicateMode mode, boolean allowOverride, DedupeEngine engine, int maxCandidates) {}

  /** Wired by DS; scans run on one background thread. */
  @Activate
  public JpaDuplicateService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy,
      DedupeConfiguration config) {
    this.tx = new Transactions(emf);
    this.clock = Clock.systemUTC();
    this.policy = policy;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "crm-duplicate-scan");
              t.setDaemon(true);
              return t;
            });
    this.submit = executor::execute;
    this.settings = parse(config);
    failInterruptedScans();
  }

  /** For tests: scans run on the calling thread. */
  JpaDuplicateService(
      EntityManagerFactory emf, Clock clock, AccessPolicy policy, DedupeConfiguration config) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
    this.executor = null;
    this.submit = Runnable::run;
    this.settings = parse(config);
  }

  /** Takes a configuration change without a restart. */
  @Modified
  void modified(DedupeConfiguration config) {
    this.settings = parse(config);
  }

  /** Stops the scan thread. */
  @Deactivate
  void deactivate() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  static Settings parse(DedupeConfiguration c) {
    DuplicateMode mode;
    try {
      mode = DuplicateMode.valueOf(c.mode().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "org.loopcrm.crm.dedupe mode '" + c.mode() + "' is not one of off, warn, block", e);
    }
    MatchRules rules =
        MatchRules.parse(
            c.rules(),
            c.weights(),
            c.threshold(),
            c.nameSimilarity(),
            c.maxBlock(),
            c.window(),
            c.phoneRegion());
    return new Settings(
        mode, c.allowOverride(), new DedupeEngine(rules), Math.max(1, c.maxCandidates()));
  }

  @Override
  public DuplicateSettings settings() {
    Settings s = settings;
    MatchRules r = s.engine().rules();
    return new DuplicateSettings(
        s.mode(),
        s.allowOverride(),
        Arrays.stream(Rule.values()).filter(r::has).map(Rule::token).toList(),
        r.threshold(),
        r.nameSimilarity());
  }

  // --- online check

  @Override
  public List<DuplicateCandidate> checkAccount(Actor actor, AccountDraft draft, UUID exceptId) {
    require(actor, Resource.ACCOUNT, Action.READ);
    if (draft == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    Settings s = settings;
    MatchRecord probe =
        new MatchRecord(
            exceptId == null ? "" : exceptId.toString(),
            RecordKind.ACCOUNT,
            draft.name(),
            null,
            List.of(),
            List.of(),
            draft.taxId(),
            draft.erpRef());
    return tx.readOnly(
        em -> {
          Map<String, Row> pool = accountPool(em, actor, probe);
          return candidates(s, probe, pool);
        });
  }

  @Override
  public List<DuplicateCandidate> checkContact(
      Actor actor, UUID accountId, ContactDraft draft, UUID exceptId) {
    require(actor, Resource.CONTACT, Action.READ);
    if (draft == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    Settings s = settings;
    return tx.readOnly(
        em -> {
          OrganizationEntity o =
              Visibility.readable(em, actor, policy, JpaAccountService.find(em, accountId));
          String city = cities(em, List.of(o.id)).get(o.id);
          MatchRecord probe =
              new MatchRecord(
                  exceptId == null ? "" : exceptId.toString(),
                  RecordKind.CONTACT,
                  personName(draft.firstName(), draft.lastName()),
                  city,
                  draft.email() == null ? List.of() : List.of(draft.email()),
                  draft.phone() == null ? List.of() : List.of(draft.phone()),
                  null,
                  null);
          Map<String, Row> pool = contactPool(em, actor, probe);
          return candidates(s, probe, pool);
        });
  }

  @Override
  public List<DuplicateCandidate> screenAccount(
      Actor actor, AccountDraft draft, UUID exceptId, boolean ignore) {
    // The caller's right to the change comes first: no candidates for whom may not make it.
    require(actor, Resource.ACCOUNT, exceptId == null ? Action.CREATE : Action.UPDATE);
    Settings s = settings;
    if (s.mode() == DuplicateMode.OFF || draft == null || draft.name() == null) {
      return List.of();
    }
    return enforce(s, checkAccount(actor, draft, exceptId), ignore, ACCOUNT);
  }

  @Override
  public List<DuplicateCandidate> screenContact(
      Actor actor, UUID accountId, ContactDraft draft, UUID exceptId, boolean ignore) {
    require(actor, Resource.CONTACT, exceptId == null ? Action.CREATE : Action.UPDATE);
    Settings s = settings;
    if (s.mode() == DuplicateMode.OFF || draft == null || draft.lastName() == null) {
      return List.of();
    }
    return enforce(s, checkContact(actor, accountId, draft, exceptId), ignore, CONTACT);
  }

  private static List<DuplicateCandidate> enforce(
      Settings s, List<DuplicateCandidate> found, boolean ignore, String kind) {
    if (s.mode() == DuplicateMode.BLOCK && !found.isEmpty() && !(ignore && s.allowOverride())) {
      throw new DuplicateCandidatesException(
          "the "
              + kind
              + " has "
              + found.size()
              + " duplicate candidate(s)"
              + (s.allowOverride() ? "; repeat with duplicates=ignore to go ahead" : ""),
          found);
    }
    return found;
  }

  private static List<DuplicateCandidate> candidates(
      Settings s, MatchRecord probe, Map<String, Row> pool) {
    List<MatchRecord> records = new ArrayList<>(pool.size());
    pool.values().forEach(r -> records.add(r.record));
    List<DuplicateCandidate> out = new ArrayList<>();
    for (Match m : s.engine().candidates(probe, records)) {
      if (out.size() == s.maxCandidates()) {
        break;
      }
      Row r = pool.get(m.b());
      out.add(
          new DuplicateCandidate(
              UUID.fromString(r.record.id()),
              r.record.kind() == RecordKind.ACCOUNT ? ACCOUNT : CONTACT,
              UUID.fromString(r.accountId),
              r.record.name(),
              round(m.score()),
              m.rule().token()));
    }
    return out;
  }

  /** A match record with the account it belongs to. */
  private record Row(MatchRecord record, String accountId) {}

  /** Readable accounts that share the tax id or ERP reference or a name block with the probe. */
  private Map<String, Row> accountPool(EntityManager em, Actor actor, MatchRecord probe) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new LinkedHashMap<>();
    String tax = Normalise.taxId(probe.taxId());
    if (tax != null) {
      or(where, "o.taxId = :tax");
      params.put("tax", tax);
    }
    String erp = Normalise.erpRef(probe.erpRef());
    if (erp != null) {
      or(where, "lower(o.erpRef) = :erp");
      params.put("erp", erp);
    }
    // The name block of the first word only: a prefix search the sort_name index answers. Blocks
    // of the other words need a scan of the table; the background scan has them (decisions §18).
    List<String> prefixes = namePrefixes(probe);
    if (!prefixes.isEmpty()) {
      or(where, "o.sortName like :n0");
      params.put("n0", prefixes.get(0) + "%");
    }
    if (where.length() == 0) {
      return Map.of();
    }
    StringBuilder jpql =
        new StringBuilder("select o from OrganizationEntity o where (").append(where).append(')');
    Visibility.Circle circle = Visibility.circle(em, actor);
    String visible = Visibility.listCondition(circle, policy);
    if (visible != null) {
      jpql.append(" and ").append(visible);
      Visibility.bind(circle, params);
    }
    TypedQuery<OrganizationEntity> q = em.createQuery(jpql.toString(), OrganizationEntity.class);
    params.forEach(q::setParameter);
    List<OrganizationEntity> orgs = q.setMaxResults(POOL_LIMIT).getResultList();
    // A pool at the limit may have left out the best match; the scan is the complete search.
    List<String> ids = orgs.stream().map(o -> o.id).toList();
    Map<String, List<String>> emails = mechanisms(em, ids, MechanismKind.EMAIL);
    Map<String, List<String>> phones = mechanisms(em, ids, MechanismKind.PHONE);
    Map<String, String> cities = cities(em, ids);
    Map<String, Row> pool = new LinkedHashMap<>();
    for (OrganizationEntity o : orgs) {
      pool.put(o.id, new Row(account(o, emails, phones, cities), o.id));
    }
    return pool;
  }

  /** Readable contacts that share the e-mail or phone or a name block with the probe. */
  private Map<String, Row> contactPool(EntityManager em, Actor actor, MatchRecord probe) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> params = new LinkedHashMap<>();
    Set<String> keyed = new HashSet<>();
    List<String> emails =
        probe.emails().stream().map(Normalise::email).filter(e -> e != null).toList();
    List<String> phones =
        probe.phones().stream()
            .map(p -> Normalise.phone(p, settings.engine().rules().defaultRegion()))
            .filter(p -> p != null)
            .toList();
    if (!emails.isEmpty() || !phones.isEmpty()) {
      List<String> values = new ArrayList<>(emails);
      values.addAll(phones);
      keyed.addAll(
          em.createQuery(
                  "select m.partyId from ContactMechanismEntity m where lower(m.value) in :values",
                  String.class)
              .setParameter("values", values)
              .setMaxResults(POOL_LIMIT)
              .getResultList());
    }
    if (!emails.isEmpty()) {
      or(where, "lower(p.email) in :emails");
      params.put("emails", emails);
    }
    if (!keyed.isEmpty()) {
      or(where, "p.id in :keyed");
      params.put("keyed", List.copyOf(keyed));
    }
    int i = 0;
    for (String prefix : namePrefixes(probe)) {
      or(where, "lower(p.lastName) like :n" + i);
      params.put("n" + i, prefix + "%");
      i++;
    }
    if (where.length() == 0) {
      return Map.of();
    }
    StringBuilder jpql =
        new StringBuilder(
                "select p, r.toPartyId from PersonEntity p, PartyRelationshipEntity r,"
                    + " OrganizationEntity o where r.fromPartyId = p.id and r.toPartyId = o.id"
                    + " and r.type = :contactOf and r.thruDate is null and p.erasedAt is null"
                    + " and (")
            .append(where)
            .append(')');
    params.put("contactOf", PartyRelationshipEntity.Type.CONTACT_OF);
    Visibility.Circle circle = Visibility.circle(em, actor);
    String visible = Visibility.listCondition(circle, policy);
    if (visible != null) {
      jpql.append(" and ").append(visible);
      Visibility.bind(circle, params);
    }
    TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
    params.forEach(q::setParameter);
    List<Object[]> rows = q.setMaxResults(POOL_LIMIT).getResultList();
    Set<String> ids = new HashSet<>();
    Set<String> orgIds = new HashSet<>();
    for (Object[] row : rows) {
      ids.add(((PersonEntity) row[0]).id);
      orgIds.add((String) row[1]);
    }
    List<String> all = new ArrayList<>(ids);
    all.addAll(orgIds);
    Map<String, List<String>> mEmails = mechanisms(em, List.copyOf(ids), MechanismKind.EMAIL);
    Map<String, List<String>> mPhones = mechanisms(em, List.copyOf(ids), MechanismKind.PHONE);
    Map<String, String> cities = cities(em, all);
    Map<String, Row> pool = new LinkedHashMap<>();
    for (Object[] row : rows) {
      PersonEntity p = (PersonEntity) row[0];
      String org = (String) row[1];
      pool.put(p.id, new Row(person(p, org, mEmails, mPhones, cities), org));
    }
    return pool;
  }

  private static List<String> namePrefixes(MatchRecord probe) {
    String n = Normalise.name(probe.name(), probe.kind());
    if (n == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String w : n.split(" ")) {
      if (out.size() == 4) {
        break;
      }
      out.add(w.substring(0, Math.min(3, w.length())));
    }
    return List.copyOf(out);
  }

  private static void or(StringBuilder where, String condition) {
    if (where.length() > 0) {
      where.append(" or ");
    }
    where.append('(').append(condition).append(')');
  }

  // --- loading records

  private static MatchRecord account(
      OrganizationEntity o,
      Map<String, List<String>> emails,
      Map<String, List<String>> phones,
      Map<String, String> cities) {
    return new MatchRecord(
        o.id,
        RecordKind.ACCOUNT,
        o.name,
        cities.get(o.id),
        emails.getOrDefault(o.id, List.of()),
        phones.getOrDefault(o.id, List.of()),
        o.taxId,
        o.erpRef);
  }

  private static MatchRecord person(
      PersonEntity p,
      String orgId,
      Map<String, List<String>> emails,
      Map<String, List<String>> phones,
      Map<String, String> cities) {
    List<String> e = new ArrayList<>(emails.getOrDefault(p.id, List.of()));
    if (p.email != null) {
      e.add(p.email);
    }
    List<String> ph = new ArrayList<>(phones.getOrDefault(p.id, List.of()));
    if (p.phone != null) {
      ph.add(p.phone);
    }
    String city = cities.get(p.id);
    return new MatchRecord(
        p.id,
        RecordKind.CONTACT,
        personName(p.firstName, p.lastName),
        city != null ? city : cities.get(orgId),
        e,
        ph,
        null,
        null);
  }

  private static String personName(String first, String last) {
    if (first == null || first.isBlank()) {
      return last;
    }
    return last == null ? first : first.strip() + " " + last.strip();
  }

  /** Current mechanisms of a kind per party; all parties when {@code partyIds} is null. */
  private static Map<String, List<String>> mechanisms(
      EntityManager em, List<String> partyIds, MechanismKind kind) {
    Map<String, List<String>> out = new HashMap<>();
    Consumer<List<Object[]>> add =
        rows -> {
          for (Object[] r : rows) {
            if (r[1] != null) {
              out.computeIfAbsent((String) r[0], k -> new ArrayList<>(1)).add((String) r[1]);
            }
          }
        };
    String jpql =
        "select m.partyId, m.value from ContactMechanismEntity m where m.kind = :kind"
            + " and m.validThru is null";
    if (partyIds == null) {
      add.accept(em.createQuery(jpql, Object[].class).setParameter("kind", kind).getResultList());
      return out;
    }
    for (List<String> chunk : chunks(partyIds)) {
      add.accept(
          em.createQuery(jpql + " and m.partyId in :ids", Object[].class)
              .setParameter("kind", kind)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return out;
  }

  /** The city of each party's postal address (a primary one first); all parties when null. */
  private static Map<String, String> cities(EntityManager em, List<String> partyIds) {
    Map<String, String> out = new HashMap<>();
    String jpql =
        "select m.partyId, m.city, m.primaryKind from ContactMechanismEntity m where m.kind ="
            + " :kind and m.city is not null and m.validThru is null";
    List<List<String>> parts =
        partyIds == null ? Collections.singletonList(null) : chunks(partyIds);
    for (List<String> chunk : parts) {
      TypedQuery<Object[]> q =
          em.createQuery(chunk == null ? jpql : jpql + " and m.partyId in :ids", Object[].class)
              .setParameter("kind", MechanismKind.POSTAL);
      if (chunk != null) {
        q.setParameter("ids", chunk);
      }
      for (Object[] r : q.getResultList()) {
        if (r[2] != null || !out.containsKey((String) r[0])) {
          out.put((String) r[0], (String) r[1]);
        }
      }
    }
    return out;
  }

  private static List<List<String>> chunks(List<String> ids) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += IN_CHUNK) {
      out.add(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
    }
    return out;
  }

  // --- scans

  @Override
  public DuplicateScan startScan(Actor actor) {
    require(actor, Resource.DUPLICATE, Action.CREATE);
    DuplicateScanEntity started =
        tx.inTransaction(
            em -> {
              List<String> running =
                  em.createQuery(
                          "select s.id from DuplicateScanEntity s where s.status = :running",
                          String.class)
                      .setParameter("running", ScanStatus.RUNNING)
                      .getResultList();
              if (!running.isEmpty()) {
                throw new ConflictException("duplicate scan " + running.get(0) + " is running");
              }
              DuplicateScanEntity s = new DuplicateScanEntity();
              s.id = UUID.randomUUID().toString();
              s.status = ScanStatus.RUNNING;
              s.startedBy = actor.user();
              s.startedAt = now();
              em.persist(s);
              return s;
            });
    Settings s = settings;
    try {
      submit.accept(() -> runScan(started.id, s.engine()));
    } catch (RejectedExecutionException e) {
      fail(started.id, "the scan thread is stopped");
    }
    return scan(actor, UUID.fromString(started.id));
  }

  private void runScan(String scanId, DedupeEngine engine) {
    try {
      List<MatchRecord> records = new ArrayList<>();
      Map<String, String> accountOf = new HashMap<>();
      Set<String> dismissed = new HashSet<>();
      tx.readOnly(
          em -> {
            Map<String, List<String>> emails = mechanisms(em, null, MechanismKind.EMAIL);
            Map<String, List<String>> phones = mechanisms(em, null, MechanismKind.PHONE);
            Map<String, String> cities = cities(em, null);
            for (OrganizationEntity o :
                em.createQuery("select o from OrganizationEntity o", OrganizationEntity.class)
                    .getResultList()) {
              records.add(account(o, emails, phones, cities));
              accountOf.put(o.id, o.id);
            }
            em.clear();
            for (Object[] row :
                em.createQuery(
                        "select p, r.toPartyId from PersonEntity p, PartyRelationshipEntity r"
                            + " where r.fromPartyId = p.id and r.type = :contactOf"
                            + " and r.thruDate is null and p.erasedAt is null",
                        Object[].class)
                    .setParameter("contactOf", PartyRelationshipEntity.Type.CONTACT_OF)
                    .getResultList()) {
              PersonEntity p = (PersonEntity) row[0];
              String org = (String) row[1];
              if (accountOf.putIfAbsent(p.id, org) == null) {
                records.add(person(p, org, emails, phones, cities));
              }
            }
            for (Object[] d :
                em.createQuery(
                        "select d.partyA, d.partyB from DuplicateDismissalEntity d", Object[].class)
                    .getResultList()) {
              dismissed.add(d[0] + "|" + d[1]);
            }
            return null;
          });
      Map<String, String> names = new HashMap<>();
      records.forEach(r -> names.put(r.id(), r.name()));
      ScanResult result = engine.scan(records, (a, b) -> dismissed.contains(pairKey(a, b)));
      tx.inTransaction(
          em -> {
            em.createQuery(
                    "delete from DuplicateMemberEntity m where m.clusterId in (select c.id from"
                        + " DuplicateClusterEntity c where c.status = :open)")
                .setParameter("open", ClusterStatus.OPEN)
                .executeUpdate();
            em.createQuery("delete from DuplicateClusterEntity c where c.status = :open")
                .setParameter("open", ClusterStatus.OPEN)
                .executeUpdate();
            Instant now = now();
            for (Cluster c : result.clusters()) {
              DuplicateClusterEntity e = new DuplicateClusterEntity();
              e.id = UUID.randomUUID().toString();
              e.scanId = scanId;
              e.kind = c.kind() == RecordKind.ACCOUNT ? ACCOUNT : CONTACT;
              e.status = ClusterStatus.OPEN;
              e.score = round(c.score());
              e.createdAt = now;
              em.persist(e);
              for (Member m : c.members()) {
                DuplicateMemberEntity me = new DuplicateMemberEntity();
                me.id = UUID.randomUUID().toString();
                me.clusterId = e.id;
                me.partyId = m.id();
                me.accountId = accountOf.get(m.id());
                me.name = truncate(names.get(m.id()), 200);
                me.score = round(m.score());
                me.rule = m.rule().token();
                em.persist(me);
              }
            }
            DuplicateScanEntity s = em.find(DuplicateScanEntity.class, scanId);
            s.status = ScanStatus.DONE;
            s.finishedAt = now;
            s.records = result.records();
            s.comparisons = result.comparisons();
            s.clusters = result.clusters().size();
            return null;
          });
      LOG.info(
          "duplicate scan {}: {} records, {} comparisons, {} clusters",
          scanId,
          result.records(),
          result.comparisons(),
          result.clusters().size());
    } catch (RuntimeException e) {
      LOG.error("duplicate scan {} failed", scanId, e);
      fail(scanId, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void fail(String scanId, String error) {
    tx.inTransaction(
        em -> {
          DuplicateScanEntity s = em.find(DuplicateScanEntity.class, scanId);
          s.status = ScanStatus.FAILED;
          s.finishedAt = now();
          s.error = truncate(error, 1000);
          return null;
        });
  }

  /** A scan still RUNNING when this node starts was cut short by a stop. */
  private void failInterruptedScans() {
    tx.inTransaction(
        em ->
            em.createQuery(
                    "update DuplicateScanEntity s set s.status = :failed, s.error = :why,"
                        + " s.finishedAt = :now where s.status = :running")
                .setParameter("failed", ScanStatus.FAILED)
                .setParameter("why", "interrupted by a restart")
                .setParameter("now", now())
                .setParameter("running", ScanStatus.RUNNING)
                .executeUpdate());
  }

  @Override
  public DuplicateScan scan(Actor actor, UUID id) {
    require(actor, Resource.DUPLICATE, Action.READ);
    return tx.readOnly(
        em -> {
          DuplicateScanEntity s = em.find(DuplicateScanEntity.class, id.toString());
          if (s == null) {
            throw new NotFoundException("duplicate scan", id);
          }
          return toScan(s);
        });
  }

  @Override
  public Optional<DuplicateScan> latestScan(Actor actor) {
    require(actor, Resource.DUPLICATE, Action.READ);
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select s from DuplicateScanEntity s order by s.startedAt desc, s.id desc",
                    DuplicateScanEntity.class)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaDuplicateService::toScan));
  }

  // --- clusters

  @Override
  public List<DuplicateCluster> clusters(Actor actor, ClusterStatus status, int limit) {
    require(actor, Resource.DUPLICATE, Action.READ);
    if (limit < 1 || limit > MAX_LIST) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIST)));
    }
    return tx.readOnly(
        em -> {
          TypedQuery<DuplicateClusterEntity> q =
              em.createQuery(
                  "select c from DuplicateClusterEntity c"
                      + (status == null ? "" : " where c.status = :status")
                      + " order by c.score desc, c.createdAt desc, c.id",
                  DuplicateClusterEntity.class);
          if (status != null) {
            q.setParameter("status", status);
          }
          List<DuplicateClusterEntity> rows = q.setMaxResults(limit).getResultList();
          Map<String, List<ClusterMember>> members =
              members(em, rows.stream().map(c -> c.id).toList());
          return rows.stream()
              .map(c -> toCluster(c, members.getOrDefault(c.id, List.of())))
              .toList();
        });
  }

  @Override
  public DuplicateCluster cluster(Actor actor, UUID id) {
    require(actor, Resource.DUPLICATE, Action.READ);
    return tx.readOnly(em -> load(em, id));
  }

  @Override
  public DuplicateCluster dismiss(Actor actor, UUID id, long expectedVersion) {
    return review(actor, id, expectedVersion, ClusterStatus.DISMISSED);
  }

  @Override
  public DuplicateCluster markMerged(Actor actor, UUID id, long expectedVersion) {
    return review(actor, id, expectedVersion, ClusterStatus.MERGED);
  }

  private DuplicateCluster review(
      Actor actor, UUID id, long expectedVersion, ClusterStatus target) {
    require(actor, Resource.DUPLICATE, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          DuplicateClusterEntity c = find(em, id);
          if (c.version != expectedVersion) {
            throw new StaleVersionException(CLUSTER, id, expectedVersion, c.version);
          }
          if (c.status != ClusterStatus.OPEN) {
            throw new ConflictException(
                "duplicate cluster " + id + " is " + c.status + " already: only OPEN ones change");
          }
          Map<String, Object> before = image(c);
          Instant now = now();
          c.status = target;
          c.reviewedBy = actor.user();
          c.reviewedAt = now;
          List<ClusterMember> members = members(em, List.of(c.id)).getOrDefault(c.id, List.of());
          if (target == ClusterStatus.DISMISSED) {
            for (int i = 0; i < members.size(); i++) {
              for (int j = i + 1; j < members.size(); j++) {
                dismissPair(em, actor, members.get(i).id(), members.get(j).id(), now);
              }
            }
          }
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, CLUSTER, c.id, before, image(c), now);
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("id", c.id);
          data.put("kind", c.kind);
          data.put("status", c.status);
          data.put("members", members.stream().map(m -> m.id().toString()).toList());
          data.put("by", actor.user());
          data.put("channel", actor.channel());
          Outbox.append(
              em,
              CLUSTER,
              c.id,
              "duplicate-cluster." + target.name().toLowerCase(Locale.ROOT),
              data,
              now);
          return toCluster(c, members);
        });
  }

  private static void dismissPair(EntityManager em, Actor actor, UUID a, UUID b, Instant now) {
    String x = a.toString();
    String y = b.toString();
    String lo = x.compareTo(y) < 0 ? x : y;
    String hi = lo.equals(x) ? y : x;
    Long known =
        em.createQuery(
                "select count(d) from DuplicateDismissalEntity d where d.partyA = :a and d.partyB"
                    + " = :b",
                Long.class)
            .setParameter("a", lo)
            .setParameter("b", hi)
            .getSingleResult();
    if (known == 0) {
      DuplicateDismissalEntity d = new DuplicateDismissalEntity();
      d.id = UUID.randomUUID().toString();
      d.partyA = lo;
      d.partyB = hi;
      d.dismissedBy = actor.user();
      d.dismissedAt = now;
      em.persist(d);
    }
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  private static DuplicateClusterEntity find(EntityManager em, UUID id) {
    DuplicateClusterEntity c = em.find(DuplicateClusterEntity.class, id.toString());
    if (c == null) {
      throw new NotFoundException("duplicate cluster", id);
    }
    return c;
  }

  private static DuplicateCluster load(EntityManager em, UUID id) {
    DuplicateClusterEntity c = find(em, id);
    return toCluster(c, members(em, List.of(c.id)).getOrDefault(c.id, List.of()));
  }

  private static Map<String, List<ClusterMember>> members(EntityManager em, List<String> ids) {
    Map<String, List<ClusterMember>> out = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      for (DuplicateMemberEntity m :
          em.createQuery(
                  "select m from DuplicateMemberEntity m where m.clusterId in :ids"
                      + " order by m.score desc, m.partyId",
                  DuplicateMemberEntity.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        out.computeIfAbsent(m.clusterId, k -> new ArrayList<>())
            .add(
                new ClusterMember(
                    UUID.fromString(m.partyId),
                    UUID.fromString(m.accountId),
                    m.name,
                    m.score,
                    m.rule));
      }
    }
    return out;
  }

  private static DuplicateCluster toCluster(DuplicateClusterEntity c, List<ClusterMember> m) {
    return new DuplicateCluster(
        UUID.fromString(c.id),
        c.kind,
        c.status,
        c.score,
        List.copyOf(m),
        UUID.fromString(c.scanId),
        c.version,
        c.createdAt,
        c.reviewedBy,
        c.reviewedAt);
  }

  private static DuplicateScan toScan(DuplicateScanEntity s) {
    return new DuplicateScan(
        UUID.fromString(s.id),
        s.status,
        s.startedBy,
        s.startedAt,
        s.finishedAt,
        s.records,
        s.comparisons,
        s.clusters,
        s.error);
  }

  private static Map<String, Object> image(DuplicateClusterEntity c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", c.status);
    m.put("reviewedBy", c.reviewedBy);
    return m;
  }

  private static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
