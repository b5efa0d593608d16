package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportMode;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.ImportRow;
import org.loopcrm.crm.api.dataimport.ImportState;
import org.loopcrm.crm.api.dataimport.MatchKey;
import org.loopcrm.crm.api.dataimport.RowOutcome;
import org.loopcrm.crm.api.dataimport.RowResult;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;

/**
 * Import jobs and their chunk writer on a real database: inserts, update-on-match, ambiguous and
 * invalid rows, dry runs, the checkpoint, and a row that fails after it wrote. Each subclass runs
 * it on one database product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportContract {
  static final Actor ADMIN = new Actor("im-admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("im-sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor OTHER = new Actor("im-other", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("im-viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private EntityManagerFactory emf;
  private PluginPipeline plugins;
  private JpaAccountService accounts;
  private JpaImportJobService imports;
  private final List<RecordPlugin> registered = new ArrayList<>();

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    plugins = new PluginPipeline();
    accounts = new JpaAccountService(emf, Clock.systemUTC(), plugins);
    imports =
        new JpaImportJobService(emf, Clock.systemUTC(), plugins, AccessPolicy.privateAccess());
  }

  @AfterEach
  void unregister() {
    registered.forEach(p -> plugins.removePlugin(p, Map.of()));
    registered.clear();
  }

  @AfterAll
  void close() {
    emf.close();
  }

  private ImportJob job(Actor actor, MatchKey key, ImportMode mode, boolean dryRun) {
    return imports.create(
        actor, "accounts.csv", ImportFormat.CSV, new ImportOptions(null, null, key, mode, dryRun));
  }

  private static ImportRow row(long n, String... fieldValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < fieldValues.length; i += 2) {
      values.put(fieldValues[i], fieldValues[i + 1]);
    }
    return new ImportRow(n, values);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private long count(String sql, Object... params) {
    EntityManager em = emf.createEntityManager();
    try {
      var q = em.createNativeQuery(sql);
      for (int i = 0; i < params.length; i++) {
        q.setParameter(i + 1, params[i]);
      }
      return ((Number) q.getSingleResult()).longValue();
    } finally {
      em.close();
    }
  }

  private List<RowResult> report(Actor actor, ImportJob job) {
    return imports.report(actor, job.id(), null, 1000).items();
  }

  @Test
  void rowsInsertWithAuditOutboxAndReportAndTheCheckpointMoves() {
    String ref = unique("IM");
    ImportJob job = job(SALES, MatchKey.ERP_REF, ImportMode.UPSERT, false);
    assertThat(job.state()).isEqualTo(ImportState.QUEUED);
    imports.start(job.id(), 3L);
    ImportJob after =
        imports.writeChunk(
            job.id(),
            List.of(
                row(2, "name", "Acme " + ref, "erpRef", ref + "-1", "taxId", "de 111.222"),
                row(3, "name", "", "erpRef", ref + "-2"),
                row(4, "name", "Beta " + ref, "erpRef", ref + "-3", "stage", "customer")));
    assertThat(after.state()).isEqualTo(ImportState.RUNNING);
    assertThat(after.rowsTotal()).isEqualTo(3L);
    assertThat(after.rowsProcessed()).isEqualTo(3);
    assertThat(after.inserted()).isEqualTo(2);
    assertThat(after.rejected()).isEqualTo(1);
    assertThat(after.lastRow()).isEqualTo(4);

    List<RowResult> report = report(SALES, job);
    assertThat(report)
        .extracting(RowResult::outcome)
        .containsExactly(RowOutcome.INSERTED, RowOutcome.REJECTED, RowOutcome.INSERTED);
    assertThat(report.get(1).errors()).extracting(e -> e.field()).containsExactly("name");
    UUID id = report.get(0).recordId();
    Account a = accounts.get(SALES, id);
    assertThat(a.taxId()).isEqualTo("DE111222");
    assertThat(a.owner()).isEqualTo("im-sales");
    assertThat(accounts.get(SALES, report.get(2).recordId()).stage())
        .isEqualTo(LifecycleStage.CUSTOMER);
    assertThat(count("select count(*) from crm_audit_entry where record_id = ?", id.toString()))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from crm_outbox where aggregate_id = ? and event_type = ?",
                id.toString(),
                "account.created"))
        .isEqualTo(1);

    // The same chunk again (a driver that resumes from an older position): nothing new.
    ImportJob again =
        imports.writeChunk(job.id(), List.of(row(4, "name", "Beta " + ref, "erpRef", ref + "-3")));
    assertThat(again.rowsProcessed()).isEqualTo(3);
    assertThat(count("select count(*) from crm_organization where erp_ref = ?", ref + "-3"))
        .isEqualTo(1);

    ImportJob done = imports.finish(job.id(), ImportState.DONE, null);
    assertThat(done.state()).isEqualTo(ImportState.DONE);
    assertThat(imports.writeChunk(job.id(), List.of(row(5, "name", "Late " + ref))).rowsProcessed())
        .isEqualTo(3);
    assertThat(imports.unfinished()).extracting(ImportJob::id).doesNotContain(job.id());
  }

  @Test
  void aMatchUpdatesBlankCellsKeepAndTheSameKeyTwiceUpdatesTheFirst() {
    String ref = unique("UP");
    Account existing =
        accounts.create(SALES, new AccountDraft("Old " + ref, ref, "AT999", null, null));
    ImportJob job = job(SALES, MatchKey.ERP_REF, ImportMode.UPSERT, false);
    imports.writeChunk(
        job.id(),
        List.of(
            row(2, "name", "New " + ref, "erpRef", ref, "taxId", ""),
            row(3, "name", "First " + ref, "erpRef", ref + "-b"),
            row(4, "name", "Second " + ref, "erpRef", ref + "-b")));
    List<RowResult> report = report(SALES, job);
    assertThat(report)
        .extracting(RowResult::outcome)
        .containsExactly(RowOutcome.UPDATED, RowOutcome.INSERTED, RowOutcome.UPDATED);
    assertThat(report.get(0).recordId()).isEqualTo(existing.id());
    assertThat(report.get(2).recordId()).isEqualTo(report.get(1).recordId());
    Account updated = accounts.get(SALES, existing.id());
    assertThat(updated.name()).isEqualTo("New " + ref);
    assertThat(updated.taxId()).isEqualTo("AT999");
    assertThat(accounts.get(SALES, report.get(1).recordId()).name()).isEqualTo("Second " + ref);
  }

  @Test
  void ambiguousTaxIdsInsertOnlyMatchesAndAnotherUsersAccountAreRejected() {
    String tax = "FR" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    accounts.create(SALES, new AccountDraft(unique("T1"), null, tax, null, null));
    accounts.create(SALES, new AccountDraft(unique("T2"), null, tax, null, null));
    ImportJob byTax = job(SALES, MatchKey.TAX_ID, ImportMode.UPSERT, false);
    imports.writeChunk(byTax.id(), List.of(row(2, "name", unique("T3"), "taxId", tax)));
    RowResult ambiguous = report(SALES, byTax).get(0);
    assertThat(ambiguous.outcome()).isEqualTo(RowOutcome.REJECTED);
    assertThat(ambiguous.errors().get(0).field()).isEqualTo("taxId");
    assertThat(ambiguous.errors().get(0).message()).contains("matches 2 accounts");

    String ref = unique("IO");
    accounts.create(SALES, new AccountDraft(unique("Has"), ref, null, null));
    ImportJob insertOnly = job(SALES, MatchKey.ERP_REF, ImportMode.INSERT_ONLY, false);
    imports.writeChunk(insertOnly.id(), List.of(row(2, "name", "X", "erpRef", ref)));
    assertThat(report(SALES, insertOnly).get(0).errors().get(0).message()).contains("inserts only");

    ImportJob other = job(OTHER, MatchKey.ERP_REF, ImportMode.UPSERT, false);
    imports.writeChunk(other.id(), List.of(row(2, "name", "Taken over", "erpRef", ref)));
    RowResult foreign = report(OTHER, other).get(0);
    assertThat(foreign.outcome()).isEqualTo(RowOutcome.REJECTED);
    assertThat(count("select count(*) from crm_organization where name = ?", "Taken over"))
        .isZero();
  }

  @Test
  void aDryRunWritesNothingButTheReportAndSeesEarlierRowsOfTheFile() {
    String ref = unique("DRY");
    Account existing = accounts.create(SALES, new AccountDraft("Dry " + ref, ref, null, null));
    long accountsBefore = count("select count(*) from crm_organization");
    long outboxBefore = count("select count(*) from crm_outbox");
    ImportJob job = job(SALES, MatchKey.ERP_REF, ImportMode.UPSERT, true);
    ImportJob after =
        imports.writeChunk(
            job.id(),
            List.of(
                row(2, "name", "Renamed " + ref, "erpRef", ref),
                row(3, "name", "New " + ref, "erpRef", ref + "-n"),
                row(4, "name", "New again " + ref, "erpRef", ref + "-n"),
                row(5, "name", "Bad", "stage", "sideways", "email", "no-at-sign")));
    assertThat(report(SALES, job))
        .extracting(RowResult::outcome)
        .containsExactly(
            RowOutcome.UPDATED, RowOutcome.INSERTED, RowOutcome.UPDATED, RowOutcome.REJECTED);
    assertThat(report(SALES, job).get(0).recordId()).isEqualTo(existing.id());
    assertThat(report(SALES, job).get(3).errors())
        .extracting(e -> e.field())
        .containsExactlyInAnyOrder("stage", "email");
    assertThat(after.inserted()).isEqualTo(1);
    assertThat(after.updated()).isEqualTo(2);
    assertThat(count("select count(*) from crm_organization")).isEqualTo(accountsBefore);
    assertThat(count("select count(*) from crm_outbox")).isEqualTo(outboxBefore);
    assertThat(accounts.get(SALES, existing.id()).name()).isEqualTo("Dry " + ref);
  }

  @Test
  void aRowThatFailsAfterItWroteIsRejectedAndTheRestOfTheChunkCommits() {
    String ref = unique("VETO");
    Map<String, Object> props = new HashMap<>();
    props.put(RecordPlugin.ENTITY, "account");
    props.put(RecordPlugin.OPERATION, "CREATE");
    props.put(RecordPlugin.STAGE, "POST_OPERATION");
    RecordPlugin veto =
        ctx -> {
          if (((Account) ctx.postImage()).name().startsWith("Vetoed")) {
            throw new PluginVetoException("not this one");
          }
        };
    plugins.addPlugin(veto, props);
    registered.add(veto);
    ImportJob job = job(SALES, MatchKey.ERP_REF, ImportMode.UPSERT, false);
    ImportJob after =
        imports.writeChunk(
            job.id(),
            List.of(
                row(2, "name", "Fine " + ref, "erpRef", ref + "-1"),
                row(3, "name", "Vetoed " + ref, "erpRef", ref + "-2", "email", "v@example.com"),
                row(4, "name", "Fine too " + ref, "erpRef", ref + "-3")));
    assertThat(after.inserted()).isEqualTo(2);
    assertThat(after.rejected()).isEqualTo(1);
    RowResult vetoed = report(SALES, job).get(1);
    assertThat(vetoed.outcome()).isEqualTo(RowOutcome.REJECTED);
    assertThat(vetoed.errors().get(0).message()).isEqualTo("not this one");
    assertThat(count("select count(*) from crm_organization where name like ?", "%" + ref))
        .isEqualTo(2);
    assertThat(count("select count(*) from crm_organization where erp_ref = ?", ref + "-2"))
        .isZero();
  }

  @Test
  void anEmailKeyFindsTheAccountByItsEmailMechanism() {
    String mail = unique("buyer") + "@Example.COM";
    ImportJob first = job(SALES, MatchKey.EMAIL, ImportMode.UPSERT, false);
    imports.writeChunk(first.id(), List.of(row(2, "name", "Mail one", "email", mail)));
    UUID id = report(SALES, first).get(0).recordId();
    ImportJob second = job(SALES, MatchKey.EMAIL, ImportMode.UPSERT, false);
    imports.writeChunk(
        second.id(), List.of(row(2, "name", "Mail two", "email", mail.replace("COM", "com"))));
    RowResult r = report(SALES, second).get(0);
    assertThat(r.outcome()).isEqualTo(RowOutcome.UPDATED);
    assertThat(r.recordId()).isEqualTo(id);
    assertThat(accounts.get(SALES, id).name()).isEqualTo("Mail two");
  }

  @Test
  void jobsAreTheirUsersAndAdminsAndNeedTheRightToWrite() {
    ImportJob job = job(SALES, MatchKey.NONE, ImportMode.UPSERT, false);
    assertThat(imports.job(ADMIN, job.id()).user()).isEqualTo("im-sales");
    assertThatThrownBy(() -> imports.job(OTHER, job.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> job(VIEWER, MatchKey.NONE, ImportMode.UPSERT, false))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(job(VIEWER, MatchKey.NONE, ImportMode.UPSERT, true).options().dryRun()).isTrue();
    assertThatThrownBy(
            () ->
                imports.create(
                    SALES,
                    "x.csv",
                    ImportFormat.CSV,
                    new ImportOptions(null, Map.of("Firma", "company"), null, null, false)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("mapping");
    ImportJob cancelled = imports.cancel(SALES, job.id());
    assertThat(cancelled.state()).isEqualTo(ImportState.CANCELLED);
    assertThat(imports.writeChunk(job.id(), List.of(row(2, "name", "After cancel"))).inserted())
        .isZero();
    assertThatThrownBy(() -> imports.report(SALES, job.id(), "x", 10))
        .isInstanceOf(ValidationException.class);
  }
}
