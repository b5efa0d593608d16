package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.account.AccountRules.checkTransition;
import static org.loopcrm.crm.core.internal.account.AccountRules.normalTaxId;
import static org.loopcrm.crm.core.internal.account.AccountRules.validNewAccount;
import static org.loopcrm.crm.core.internal.account.AccountRules.validUpdate;
import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.CrmException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportJobService;
import org.loopcrm.crm.api.dataimport.ImportMode;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.ImportRow;
import org.loopcrm.crm.api.dataimport.ImportState;
import org.loopcrm.crm.api.dataimport.MatchKey;
import org.loopcrm.crm.api.dataimport.RowOutcome;
import org.loopcrm.crm.api.dataimport.RowResult;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.Stage;
import org.loopcrm.crm.core.internal.json.Json;
import org.loopcrm.crm.core.internal.party.PartyRules;
import org.loopcrm.crm.core.internal.plugin.PipelineContext;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Import jobs and the chunk writer. A chunk is one transaction: per row the account (with its
 * plugin stages, audit and outbox entries as {@link JpaAccountService} writes them), the row's
 * result, and the job's counters and checkpoint. A row that fails before it wrote anything is
 * rejected in place; one that fails after (a POST_OPERATION veto, a constraint at flush) rolls the
 * chunk back, and the chunk is written again with that row rejected: never half a row.
 */
@Component(service = ImportJobService.class)
public final class JpaImportJobService implements ImportJobService {
  static final String IMPORT = "import";

  /** The fields of an account row. */
  public static final Set<String> ACCOUNT_FIELDS =
      Set.of("name", "erpRef", "taxId", "owner", "stage", "email");

  private static final int MAX_REPORT = 1000;

  private final Transactions tx;
  private final Clock clock;
  private final PluginPipeline plugins;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaImportJobService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference PluginPipeline plugins,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), plugins, policy);
  }

  JpaImportJobService(
      EntityManagerFactory emf, Clock clock, PluginPipeline plugins, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.plugins = plugins;
    this.policy = policy;
  }

  @Override
  public ImportJob create(Actor actor, String fileName, ImportFormat format, ImportOptions o) {
    ImportOptions options = o == null ? new ImportOptions(null, null, null, null, false) : o;
    if (options.dryRun()) {
      require(actor, Resource.ACCOUNT, Action.READ);
    } else {
      require(actor, Resource.ACCOUNT, Action.CREATE);
      if (options.mode() == ImportMode.UPSERT && options.matchKey() != MatchKey.NONE) {
        require(actor, Resource.ACCOUNT, Action.UPDATE);
      }
    }
    List<FieldError> errors = new ArrayList<>();
    String name = fileName == null ? null : fileName.strip();
    if (name == null || name.isEmpty()) {
      errors.add(new FieldError("fileName", "is required"));
    } else if (name.length() > 255) {
      errors.add(new FieldError("fileName", "must be at most 255 characters"));
    }
    if (format == null) {
      errors.add(new FieldError("format", "is required: CSV or XLSX"));
    }
    options
        .mapping()
        .forEach(
            (column, field) -> {
              if (field == null || !(field.equals("-") || ACCOUNT_FIELDS.contains(field))) {
                errors.add(
                    new FieldError(
                        "mapping",
                        "column "
                            + column
                            + " maps to "
                            + field
                            + ": fields are "
                            + ACCOUNT_FIELDS.stream().sorted().toList()
                            + " or - (ignore)"));
              }
            });
    String mapping = Json.write(options.mapping());
    if (mapping.length() > 4000) {
      errors.add(new FieldError("mapping", "is too long"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.inTransaction(
        em -> {
          Instant now = now();
          ImportJobEntity j = new ImportJobEntity();
          j.id = UUID.randomUUID().toString();
          j.state = ImportState.QUEUED;
          j.userName = actor.user();
          j.userRoles = actor.roles().stream().map(Enum::name).sorted().collect(joining());
          j.channel = actor.channel().name();
          j.fileName = name;
          j.format = format;
          j.entity = options.entity();
          j.mapping = mapping;
          j.matchKey = options.matchKey();
          j.mode = options.mode();
          j.dryRun = options.dryRun();
          j.createdAt = now;
          j.updatedAt = now;
          em.persist(j);
          return toJob(j);
        });
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  @Override
  public ImportJob job(Actor actor, UUID id) {
    require(actor, Resource.ACCOUNT, Action.READ);
    return tx.readOnly(em -> toJob(own(em, actor, id)));
  }

  @Override
  public Page<RowResult> report(Actor actor, UUID id, String cursor, int limit) {
    require(actor, Resource.ACCOUNT, Action.READ);
    if (limit < 1 || limit > MAX_REPORT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_REPORT)));
    }
    long after = 0;
    if (cursor != null && !cursor.isBlank()) {
      try {
        after = Long.parseLong(cursor.strip());
      } catch (NumberFormatException e) {
        throw new ValidationException(
            List.of(new FieldError("cursor", "is not a cursor this API returned")));
      }
    }
    long from = after;
    return tx.readOnly(
        em -> {
          own(em, actor, id);
          List<ImportRowEntity> rows =
              em.createQuery(
                      "select r from ImportRowEntity r where r.jobId = :job and r.rowNo > :after"
                          + " order by r.rowNo",
                      ImportRowEntity.class)
                  .setParameter("job", id.toString())
                  .setParameter("after", from)
                  .setMaxResults(limit + 1)
                  .getResultList();
          List<RowResult> items = new ArrayList<>();
          for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(toResult(rows.get(i)));
          }
          Optional<String> next =
              rows.size() > limit
                  ? Optional.of(Long.toString(rows.get(limit - 1).rowNo))
                  : Optional.empty();
          return new Page<>(items, next);
        });
  }

  @Override
  public ImportJob cancel(Actor actor, UUID id) {
    require(actor, Resource.ACCOUNT, Action.READ);
    return tx.inTransaction(
        em -> {
          ImportJobEntity j = own(em, actor, id);
          em.lock(j, LockModeType.PESSIMISTIC_WRITE);
          em.refresh(j);
          if (j.state.finished()) {
            throw new ConflictException("import " + id + " is " + j.state + " already");
          }
          j.state = ImportState.CANCELLED;
          j.updatedAt = now();
          return toJob(j);
        });
  }

  @Override
  public List<ImportJob> unfinished() {
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select j from ImportJobEntity j where j.state in :states"
                        + " order by j.createdAt, j.id",
                    ImportJobEntity.class)
                .setParameter("states", EnumSet.of(ImportState.QUEUED, ImportState.RUNNING))
                .getResultList()
                .stream()
                .map(JpaImportJobService::toJob)
                .toList());
  }

  @Override
  public ImportJob start(UUID id, Long rowsTotal) {
    return tx.inTransaction(
        em -> {
          ImportJobEntity j = locked(em, id);
          if (!j.state.finished()) {
            j.state = ImportState.RUNNING;
            if (rowsTotal != null) {
              j.rowsTotal = rowsTotal;
            }
            j.updatedAt = now();
          }
          return toJob(j);
        });
  }

  @Override
  public ImportJob finish(UUID id, ImportState state, String message) {
    if (state != ImportState.DONE && state != ImportState.FAILED) {
      throw new IllegalArgumentException("a job finishes DONE or FAILED, not " + state);
    }
    return tx.inTransaction(
        em -> {
          ImportJobEntity j = locked(em, id);
          if (!j.state.finished()) {
            j.state = state;
            j.message =
                message == null || message.length() <= 1000 ? message : message.substring(0, 1000);
            j.updatedAt = now();
          }
          return toJob(j);
        });
  }

  @Override
  public ImportJob writeChunk(UUID id, List<ImportRow> rows) {
    Map<Long, List<FieldError>> failed = new HashMap<>();
    while (true) {
      try {
        return tx.inTransaction(em -> chunk(em, id, rows, failed));
      } catch (RowFailure f) {
        if (failed.containsKey(f.row)) {
          throw new IllegalStateException("row " + f.row + " failed twice", f);
        }
        failed.put(f.row, f.errors);
      }
    }
  }

  // --- the chunk

  private ImportJob chunk(
      EntityManager em, UUID id, List<ImportRow> rows, Map<Long, List<FieldError>> failed) {
    ImportJobEntity job = locked(em, id);
    if (job.state.finished()) {
      return toJob(job);
    }
    Actor actor = actorOf(job);
    long inserted = 0;
    long updated = 0;
    long rejected = 0;
    long last = job.lastRow;
    for (ImportRow row : rows) {
      if (row.rowNumber() <= last) {
        continue; // written by an earlier attempt of this chunk that committed
      }
      List<FieldError> errors = failed.get(row.rowNumber());
      Result r = errors != null ? Result.rejected(null, errors) : accountRow(em, job, actor, row);
      ImportRowEntity e = new ImportRowEntity();
      e.jobId = job.id;
      e.rowNo = row.rowNumber();
      e.outcome = r.outcome;
      e.recordId = r.recordId;
      e.matchValue = r.matchValue;
      e.errors = r.errors.isEmpty() ? null : errorsJson(r.errors);
      em.persist(e);
      switch (r.outcome) {
        case INSERTED -> inserted++;
        case UPDATED -> updated++;
        case REJECTED -> rejected++;
      }
      last = row.rowNumber();
      // Written rows need no tracking: without this, every auto-flush of a later row would
      // dirty-check all of the chunk's entities again (quadratic in the chunk size).
      em.flush();
      em.clear();
    }
    ImportJobEntity j = em.find(ImportJobEntity.class, job.id); // still locked by this transaction
    j.state = ImportState.RUNNING;
    j.inserted += inserted;
    j.updated += updated;
    j.rejected += rejected;
    j.rowsProcessed += inserted + updated + rejected;
    j.lastRow = last;
    j.updatedAt = now();
    return toJob(j);
  }

  /** One account row: rejected in place if it fails before writing, a RowFailure if after. */
  private Result accountRow(EntityManager em, ImportJobEntity job, Actor actor, ImportRow row) {
    Map<String, String> v = row.values();
    List<FieldError> errors = new ArrayList<>();
    LifecycleStage stage = null;
    String stageText = blank(v.get("stage"));
    if (stageText != null) {
      try {
        stage = LifecycleStage.valueOf(stageText.toUpperCase(Locale.ROOT).replace(' ', '_'));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("stage", "must be one of " + Arrays.toString(LifecycleStage.values())));
      }
    }
    String email = null;
    String emailText = blank(v.get("email"));
    if (emailText != null) {
      try {
        email =
            PartyRules.valid(
                    new ContactMechanismDraft(
                        MechanismKind.EMAIL,
                        emailText,
                        null,
                        null,
                        null,
                        Set.of(MechanismPurpose.PRIMARY),
                        null,
                        null))
                .value();
      } catch (ValidationException e) {
        errors.add(new FieldError("email", "is not an e-mail address"));
      }
    }
    String key =
        switch (job.matchKey) {
          case ERP_REF -> blank(v.get("erpRef"));
          case TAX_ID -> normalTaxId(blank(v.get("taxId")));
          case EMAIL -> email;
          case NONE -> null;
        };
    if (key != null && key.length() > 320) {
      key = null;
    }
    if (!errors.isEmpty()) {
      return Result.rejected(key, errors);
    }
    String keyField = keyField(job.matchKey);
    try {
      List<String> matches = key == null ? List.of() : matches(em, job.matchKey, key);
      if (matches.size() > 1) {
        return Result.rejected(
            key,
            List.of(
                new FieldError(
                    keyField,
                    "matches " + matches.size() + " accounts: an ambiguous row is not imported")));
      }
      boolean earlierRow =
          matches.isEmpty() && job.dryRun && key != null && insertedEarlier(em, job.id, key);
      if ((!matches.isEmpty() || earlierRow) && job.mode == ImportMode.INSERT_ONLY) {
        return Result.rejected(
            key,
            List.of(
                new FieldError(
                    keyField,
                    (matches.isEmpty()
                            ? "matches an earlier row of this file"
                            : "matches account " + matches.get(0))
                        + ": the import inserts only")));
      }
      AccountDraft raw =
          new AccountDraft(
              blank(v.get("name")),
              blank(v.get("erpRef")),
              blank(v.get("taxId")),
              blank(v.get("owner")),
              stage);
      if (!matches.isEmpty()) {
        return update(em, job, actor, row, UUID.fromString(matches.get(0)), raw, key);
      }
      if (earlierRow) {
        // A dry run: the earlier row would have inserted the record this one updates.
        require(actor, Resource.ACCOUNT, Action.UPDATE);
        validNewAccount(actor, raw);
        return new Result(RowOutcome.UPDATED, null, key, List.of());
      }
      return insert(em, job, actor, row, raw, email, key);
    } catch (RowFailure f) {
      throw f;
    } catch (CrmException e) {
      return Result.rejected(key, errorsOf(e));
    } catch (RuntimeException e) {
      // A persistence failure: the transaction may be unusable, so retry the chunk without it.
      throw new RowFailure(row.rowNumber(), errorsOf(e));
    }
  }

  private Result insert(
      EntityManager em,
      ImportJobEntity job,
      Actor actor,
      ImportRow row,
      AccountDraft raw,
      String email,
      String key) {
    require(actor, Resource.ACCOUNT, Action.CREATE);
    PipelineContext ctx =
        new PipelineContext(
            JpaAccountService.ACCOUNT,
            Operation.CREATE,
            actor,
            raw,
            null,
            JpaAccountService.setFields(raw));
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    validNewAccount(actor, ctx.target(AccountDraft.class));
    plugins.run(ctx, Stage.PRE_OPERATION, null);
    AccountDraft d = validNewAccount(actor, ctx.target(AccountDraft.class));
    JpaAccountService.checkErpRefFree(em, d.erpRef(), null);
    if (job.dryRun) {
      return new Result(RowOutcome.INSERTED, null, key, List.of());
    }
    try {
      Instant now = now();
      OrganizationEntity o = new OrganizationEntity();
      o.id = UUID.randomUUID().toString();
      o.createdAt = now;
      o.updatedAt = now;
      o.status = AccountStatus.ACTIVE;
      o.receivablesOpen = BigDecimal.ZERO;
      JpaAccountService.apply(o, d);
      em.persist(o);
      em.flush();
      plugins.run(ctx, Stage.POST_OPERATION, JpaAccountService.toAccount(o));
      AuditLog.record(
          em,
          actor,
          AuditAction.CREATE,
          AuditLog.ACCOUNT,
          o.id,
          null,
          JpaAccountService.image(o),
          now);
      Outbox.append(
          em,
          JpaAccountService.ACCOUNT,
          o.id,
          "account.created",
          JpaAccountService.snapshot(o, actor),
          now);
      Outbox.appendAsyncJobs(em, plugins, ctx, o.id, now);
      if (email != null) {
        addEmail(em, actor, o, email, now);
      }
      return new Result(RowOutcome.INSERTED, o.id, key, List.of());
    } catch (RuntimeException e) {
      throw new RowFailure(row.rowNumber(), errorsOf(e));
    }
  }

  private Result update(
      EntityManager em,
      ImportJobEntity job,
      Actor actor,
      ImportRow row,
      UUID id,
      AccountDraft raw,
      String key) {
    require(actor, Resource.ACCOUNT, Action.UPDATE);
    OrganizationEntity o = Visibility.writable(em, actor, policy, JpaAccountService.find(em, id));
    if (o.status == AccountStatus.ARCHIVED) {
      throw new ConflictException("account " + o.id + " is archived: restore it first");
    }
    Account current = JpaAccountService.toAccount(o);
    // Blank cells keep the current value: an import adds and corrects, it does not clear.
    AccountDraft merged =
        new AccountDraft(
            raw.name() == null ? o.name : raw.name(),
            raw.erpRef() == null ? o.erpRef : raw.erpRef(),
            raw.taxId() == null ? o.taxId : raw.taxId(),
            raw.owner() == null ? o.owner : raw.owner(),
            raw.stage() == null ? o.stage : raw.stage());
    PipelineContext ctx =
        new PipelineContext(
            JpaAccountService.ACCOUNT,
            Operation.UPDATE,
            actor,
            merged,
            current,
            JpaAccountService.changedFields(current, merged));
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    validUpdate(ctx.target(AccountDraft.class));
    plugins.run(ctx, Stage.PRE_OPERATION, null);
    AccountDraft d = validUpdate(ctx.target(AccountDraft.class));
    checkTransition(o.stage, d.stage());
    JpaAccountService.checkErpRefFree(em, d.erpRef(), o.id);
    if (job.dryRun) {
      return new Result(RowOutcome.UPDATED, o.id, key, List.of());
    }
    try {
      Map<String, Object> before = JpaAccountService.image(o);
      JpaAccountService.apply(o, d);
      o.updatedAt = now();
      em.flush();
      plugins.run(ctx, Stage.POST_OPERATION, JpaAccountService.toAccount(o));
      AuditLog.record(
          em,
          actor,
          AuditAction.UPDATE,
          AuditLog.ACCOUNT,
          o.id,
          before,
          JpaAccountService.image(o),
          o.updatedAt);
      Outbox.append(
          em,
          JpaAccountService.ACCOUNT,
          o.id,
          "account.updated",
          JpaAccountService.snapshot(o, actor),
          o.updatedAt);
      Outbox.appendAsyncJobs(em, plugins, ctx, o.id, o.updatedAt);
      return new Result(RowOutcome.UPDATED, o.id, key, List.of());
    } catch (RuntimeException e) {
      throw new RowFailure(row.rowNumber(), errorsOf(e));
    }
  }

  /** The new account's primary e-mail, audited and announced as a mechanism added by hand is. */
  private static void addEmail(
      EntityManager em, Actor actor, OrganizationEntity o, String email, Instant now) {
    require(actor, Resource.CONTACT_MECHANISM, Action.CREATE);
    ContactMechanismEntity m = new ContactMechanismEntity();
    m.id = UUID.randomUUID().toString();
    m.partyId = o.id;
    m.kind = MechanismKind.EMAIL;
    m.value = email;
    m.purposes = MechanismPurpose.PRIMARY.name();
    m.primaryKind = MechanismKind.EMAIL;
    m.createdAt = now;
    m.updatedAt = now;
    em.persist(m);
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("partyId", o.id);
    image.put("kind", MechanismKind.EMAIL);
    image.put("value", email);
    image.put("purposes", m.purposes);
    AuditLog.record(
        em, actor, AuditAction.CREATE, AuditLog.CONTACT_MECHANISM, m.id, null, image, now);
    Map<String, Object> data = new LinkedHashMap<>(image);
    data.put("id", m.id);
    data.put("accountId", o.id);
    data.put("by", actor.user());
    data.put("channel", actor.channel());
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "contact-mechanism.added", data, now);
  }

  private static List<String> matches(EntityManager em, MatchKey key, String value) {
    String jpql =
        switch (key) {
          case ERP_REF -> "select o.id from OrganizationEntity o where o.erpRef = :v";
          case TAX_ID -> "select o.id from OrganizationEntity o where o.taxId = :v";
          case EMAIL ->
              "select distinct o.id from OrganizationEntity o, ContactMechanismEntity m"
                  + " where m.partyId = o.id and m.kind = :email and m.value = :v";
          case NONE -> throw new IllegalArgumentException("no key");
        };
    var q = em.createQuery(jpql, String.class).setParameter("v", value).setMaxResults(10);
    if (key == MatchKey.EMAIL) {
      q.setParameter("email", MechanismKind.EMAIL);
    }
    return q.getResultList();
  }

  private static boolean insertedEarlier(EntityManager em, String jobId, String key) {
    return !em.createQuery(
            "select r.rowNo from ImportRowEntity r where r.jobId = :job and r.matchValue = :v"
                + " and r.outcome = :inserted",
            Long.class)
        .setParameter("job", jobId)
        .setParameter("v", key)
        .setParameter("inserted", RowOutcome.INSERTED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static String keyField(MatchKey key) {
    return switch (key) {
      case ERP_REF -> "erpRef";
      case TAX_ID -> "taxId";
      case EMAIL -> "email";
      case NONE -> "row";
    };
  }

  // --- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static ImportJobEntity locked(EntityManager em, UUID id) {
    ImportJobEntity j =
        em.find(ImportJobEntity.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (j == null) {
      throw new NotFoundException(IMPORT, id);
    }
    return j;
  }

  /** The job if the actor started it or administers; not found otherwise. */
  private static ImportJobEntity own(EntityManager em, Actor actor, UUID id) {
    ImportJobEntity j = em.find(ImportJobEntity.class, id.toString());
    if (j == null || !(j.userName.equals(actor.user()) || actor.has(Role.CRM_ADMIN))) {
      throw new NotFoundException(IMPORT, id);
    }
    return j;
  }

  static Actor actorOf(ImportJobEntity j) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : j.userRoles.split(",")) {
      if (!r.isBlank()) {
        roles.add(Role.valueOf(r));
      }
    }
    return new Actor(j.userName, roles, Actor.Channel.valueOf(j.channel));
  }

  private static String blank(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static List<FieldError> errorsOf(RuntimeException e) {
    if (e instanceof ValidationException v) {
      return v.errors();
    }
    Throwable t = e;
    if (t instanceof RowFailure f) {
      return f.errors;
    }
    String message = t.getMessage();
    if (!(t instanceof CrmException)) {
      Throwable root = t;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      message = "could not be written: " + root.getMessage();
    }
    return List.of(new FieldError("row", message == null ? t.getClass().getSimpleName() : message));
  }

  private static String errorsJson(List<FieldError> errors) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (FieldError e : errors) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", e.field());
      m.put("message", e.message());
      list.add(m);
    }
    String json = Json.write(Map.of("errors", list));
    return json.length() <= 4000 ? json : json.substring(0, 3990);
  }

  @SuppressWarnings("unchecked")
  private static RowResult toResult(ImportRowEntity r) {
    List<FieldError> errors = new ArrayList<>();
    if (r.errors != null) {
      try {
        Object list = Json.readObject(r.errors).get("errors");
        for (Map<String, Object> m : (List<Map<String, Object>>) list) {
          errors.add(new FieldError((String) m.get("field"), (String) m.get("message")));
        }
      } catch (RuntimeException e) {
        errors.add(new FieldError("row", r.errors));
      }
    }
    return new RowResult(
        r.rowNo, r.outcome, r.recordId == null ? null : UUID.fromString(r.recordId), errors);
  }

  @SuppressWarnings("unchecked")
  static ImportJob toJob(ImportJobEntity j) {
    Map<String, String> mapping = new LinkedHashMap<>();
    Json.readObject(j.mapping).forEach((k, val) -> mapping.put(k, (String) val));
    return new ImportJob(
        UUID.fromString(j.id),
        j.state,
        j.userName,
        j.fileName,
        j.format,
        new ImportOptions(j.entity, mapping, j.matchKey, j.mode, j.dryRun),
        j.rowsTotal,
        j.rowsProcessed,
        j.inserted,
        j.updated,
        j.rejected,
        j.lastRow,
        j.message,
        j.createdAt,
        j.updatedAt);
  }

  /** What a row came to. */
  private record Result(
      RowOutcome outcome, String recordId, String matchValue, List<FieldError> errors) {
    static Result rejected(String matchValue, List<FieldError> errors) {
      return new Result(RowOutcome.REJECTED, null, matchValue, errors);
    }
  }

  /** A row failed after it wrote: the chunk is rolled back and written again without it. */
  static final class RowFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long row;
    final transient List<FieldError> errors;

    RowFailure(long row, List<FieldError> errors) {
      super("row " + row + " failed: " + errors, null, false, false);
      this.row = row;
      this.errors = errors;
    }
  }
}
