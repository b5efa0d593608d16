package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.plugin.AsyncPluginRunner;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.PluginNotRegisteredException;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.loopcrm.crm.api.plugin.Stage;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookSubscription;
import org.loopcrm.crm.api.webhook.WebhookSubscriptionDraft;
import org.loopcrm.crm.core.internal.json.Json;
import org.loopcrm.crm.core.internal.plugin.AsyncJobRunner;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;
import org.osgi.framework.Constants;

/** Record plugins around account operations, on a real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PluginPipelineContract {
  private static final Actor SALES = new Actor("sales", Set.of(Role.CRM_USER), Actor.Channel.REST);
  private EntityManagerFactory emf;
  private final PluginPipeline plugins = new PluginPipeline();
  private final List<RecordPlugin> registered = new ArrayList<>();
  private JpaAccountService accounts;
  private JpaOutboxService outbox;
  private JpaWebhookService webhooks;
  private long serviceIds;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC(), plugins);
    outbox = new JpaOutboxService(emf, Clock.systemUTC());
    webhooks = new JpaWebhookService(emf, Clock.systemUTC());
  }

  @AfterAll
  void close() {
    emf.close();
  }

  @AfterEach
  void unregister() {
    registered.forEach(p -> plugins.removePlugin(p, Map.of()));
    registered.clear();
  }

  private void register(RecordPlugin plugin, Stage stage, int ranking, String... attributes) {
    Map<String, Object> props = new HashMap<>();
    props.put(RecordPlugin.ENTITY, "account");
    props.put(RecordPlugin.OPERATION, new String[] {"CREATE", "UPDATE"});
    props.put(RecordPlugin.STAGE, stage.name());
    props.put(Constants.SERVICE_RANKING, ranking);
    props.put(Constants.SERVICE_ID, ++serviceIds);
    if (attributes.length > 0) {
      props.put(RecordPlugin.ATTRIBUTES, attributes);
    }
    plugins.addPlugin(plugin, props);
    registered.add(plugin);
  }

  /** Registers for the given operations; {@code key} may be null. */
  private void registerFor(
      RecordPlugin plugin, Stage stage, String key, String attribute, String... operations) {
    Map<String, Object> props = new HashMap<>();
    props.put(RecordPlugin.ENTITY, "account");
    props.put(RecordPlugin.OPERATION, operations);
    props.put(RecordPlugin.STAGE, stage.name());
    props.put(Constants.SERVICE_ID, ++serviceIds);
    if (key != null) {
      props.put(RecordPlugin.KEY, key);
    }
    if (attribute != null) {
      props.put(RecordPlugin.ATTRIBUTES, attribute);
    }
    plugins.addPlugin(plugin, props);
    registered.add(plugin);
  }

  /** The unsent ASYNC jobs of one record, oldest first. */
  private List<OutboxEvent> jobsOf(UUID recordId) {
    return outbox.pending(100_000).stream()
        .filter(e -> e.type().equals(AsyncPluginRunner.JOB_EVENT_TYPE))
        .filter(e -> e.aggregateId().equals(recordId.toString()))
        .toList();
  }

  private long jobCount() {
    return outbox.pending(100_000).stream()
        .filter(e -> e.type().equals(AsyncPluginRunner.JOB_EVENT_TYPE))
        .count();
  }

  private static RecordPlugin mustNotRun() {
    return ctx -> {
      throw new AssertionError("an ASYNC plugin must not run inside the operation");
    };
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID();
  }

  private List<Account> named(String name) {
    return accounts
        .list(SALES, new AccountQuery(name, null, true, AccountSort.NAME_ASC, 10, null))
        .items();
  }

  @Test
  void aPreValidationVetoRefusesTheCreateAndWritesNothing() {
    register(
        ctx -> {
          AccountDraft d = ctx.target(AccountDraft.class);
          if (d.stage() == LifecycleStage.CUSTOMER && d.erpRef() == null) {
            throw new PluginVetoException("a customer needs an ERP reference");
          }
        },
        Stage.PRE_VALIDATION,
        0);
    long before = outbox.pendingCount();
    String name = unique("Vetoed");

    assertThatThrownBy(
            () ->
                accounts.create(SALES, new AccountDraft(name, null, null, LifecycleStage.CUSTOMER)))
        .isInstanceOf(PluginVetoException.class)
        .hasMessage("a customer needs an ERP reference");
    assertThat(named(name)).isEmpty();
    assertThat(outbox.pendingCount()).isEqualTo(before);
    assertThat(
            accounts.create(
                SALES,
                new AccountDraft(name, "P-" + UUID.randomUUID(), null, LifecycleStage.CUSTOMER)))
        .isNotNull();
  }

  @Test
  void aPreOperationPluginChangesWhatIsStored() {
    register(
        ctx -> {
          AccountDraft d = ctx.target(AccountDraft.class);
          if (d.erpRef() != null) {
            ctx.replaceTarget(
                new AccountDraft(d.name(), d.erpRef().toUpperCase(), d.owner(), d.stage()));
          }
        },
        Stage.PRE_OPERATION,
        0);
    String ref = "p-" + UUID.randomUUID();
    Account a = accounts.create(SALES, new AccountDraft(unique("Normalised"), ref, null, null));
    assertThat(a.erpRef()).isEqualTo(ref.toUpperCase());
  }

  @Test
  void aPostOperationVetoRollsTheWriteBack() {
    register(
        ctx -> {
          assertThat(ctx.postImage()).isInstanceOf(Account.class);
          throw new PluginVetoException("not today");
        },
        Stage.POST_OPERATION,
        0);
    long before = outbox.pendingCount();
    String name = unique("Rolled back");
    assertThatThrownBy(() -> accounts.create(SALES, new AccountDraft(name, null, null, null)))
        .isInstanceOf(PluginVetoException.class);
    assertThat(named(name)).isEmpty();
    assertThat(outbox.pendingCount()).isEqualTo(before);
  }

  @Test
  void pluginsRunByRankingAndSeeOneCorrelationIdAndTheImages() {
    List<String> calls = new ArrayList<>();
    List<PluginContext> seen = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    List<UUID> correlations = new ArrayList<>();
    RecordPlugin recorder =
        ctx -> {
          seen.add(ctx);
          stages.add(ctx.stage());
          correlations.add(ctx.correlationId());
        };
    register(ctx -> calls.add("low " + ctx.stage()), Stage.PRE_VALIDATION, 1);
    register(ctx -> calls.add("high " + ctx.stage()), Stage.PRE_VALIDATION, 10);
    register(recorder, Stage.PRE_OPERATION, 0);
    register(recorder, Stage.POST_OPERATION, 0);

    Account a = accounts.create(SALES, new AccountDraft(unique("Ranked"), null, null, null));
    assertThat(calls).containsExactly("high PRE_VALIDATION", "low PRE_VALIDATION");
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).preImage()).isNull();
    assertThat(seen.get(0).changedFields()).containsExactlyInAnyOrder("name");

    seen.clear();
    stages.clear();
    correlations.clear();
    accounts.update(
        SALES,
        a.id(),
        a.version(),
        new AccountDraft(a.name(), null, "sales", LifecycleStage.CUSTOMER));
    assertThat(stages).containsExactly(Stage.PRE_OPERATION, Stage.POST_OPERATION);
    assertThat(seen.get(0).preImage()).isEqualTo(a);
    assertThat(correlations.get(0)).isEqualTo(correlations.get(1));
    assertThat(((Account) seen.get(1).postImage()).stage()).isEqualTo(LifecycleStage.CUSTOMER);
    assertThat(seen.get(1).changedFields()).containsExactly("stage");
  }

  @Test
  void anAttributeFilterRunsThePluginOnlyWhenThoseFieldsChange() {
    List<String> runs = new ArrayList<>();
    register(ctx -> runs.add(ctx.operation().name()), Stage.PRE_VALIDATION, 0, "stage");
    Account a = accounts.create(SALES, new AccountDraft(unique("Filtered"), null, null, null));
    assertThat(runs).isEmpty();
    Account renamed =
        accounts.update(
            SALES,
            a.id(),
            a.version(),
            new AccountDraft(a.name() + "!", null, "sales", LifecycleStage.PROSPECT));
    assertThat(runs).isEmpty();
    accounts.update(
        SALES,
        a.id(),
        renamed.version(),
        new AccountDraft(renamed.name(), null, "sales", LifecycleStage.CUSTOMER));
    assertThat(runs).containsExactly("UPDATE");
  }

  @Test
  void deletesCanBeVetoedAndTheVetoKeepsTheAccount() {
    Actor admin = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
    List<Object> targets = new ArrayList<>();
    Map<String, Object> props = new HashMap<>();
    props.put(RecordPlugin.ENTITY, "account");
    props.put(RecordPlugin.OPERATION, "DELETE");
    props.put(RecordPlugin.STAGE, "PRE_OPERATION");
    RecordPlugin keeper =
        ctx -> {
          targets.add(ctx.target());
          if (((Account) ctx.preImage()).name().startsWith("Keep")) {
            throw new PluginVetoException("kept by policy");
          }
        };
    plugins.addPlugin(keeper, props);
    registered.add(keeper);

    Account keep = accounts.create(SALES, new AccountDraft(unique("Keep"), null, null, null));
    Account archived = accounts.archive(SALES, keep.id(), keep.version());
    assertThatThrownBy(() -> accounts.delete(admin, keep.id(), archived.version()))
        .isInstanceOf(PluginVetoException.class)
        .hasMessage("kept by policy");
    assertThat(named(keep.name())).hasSize(1);

    Account drop = accounts.create(SALES, new AccountDraft(unique("Drop"), null, null, null));
    Account dropArchived = accounts.archive(SALES, drop.id(), drop.version());
    accounts.delete(admin, drop.id(), dropArchived.version());
    assertThat(named(drop.name())).isEmpty();
    assertThat(targets).containsExactly(keep.id(), drop.id());
  }

  @Test
  void aPluginWithoutItsPropertiesIsIgnored() {
    int before = plugins.size();
    plugins.addPlugin(
        ctx -> {
          throw new AssertionError("must not run");
        },
        Map.of(RecordPlugin.ENTITY, "account"));
    assertThat(plugins.size()).isEqualTo(before);
  }

  @Test
  void theTargetCannotChangeTypeOrAfterTheWrite() {
    register(ctx -> ctx.replaceTarget("not a draft"), Stage.PRE_VALIDATION, 0);
    assertThatThrownBy(
            () -> accounts.create(SALES, new AccountDraft(unique("Typed"), null, null, null)))
        .isInstanceOf(IllegalArgumentException.class);
    unregister();
    register(ctx -> ctx.replaceTarget(ctx.target()), Stage.POST_OPERATION, 0);
    assertThatThrownBy(
            () -> accounts.create(SALES, new AccountDraft(unique("Late"), null, null, null)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStateChangeVetoRefusesTheArchiveAndKeepsTheAccountActive() {
    registerFor(
        ctx -> {
          if (((Account) ctx.preImage()).name().startsWith("Keep")) {
            throw new PluginVetoException("kept active by policy");
          }
        },
        Stage.PRE_OPERATION,
        null,
        null,
        "STATE_CHANGE");
    Account keep = accounts.create(SALES, new AccountDraft(unique("Keep"), null, null, null));
    long before = outbox.pendingCount();
    assertThatThrownBy(() -> accounts.archive(SALES, keep.id(), keep.version()))
        .isInstanceOf(PluginVetoException.class)
        .hasMessage("kept active by policy");
    assertThat(accounts.get(SALES, keep.id()).status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(outbox.pendingCount()).isEqualTo(before);

    Account other = accounts.create(SALES, new AccountDraft(unique("Other"), null, null, null));
    assertThat(accounts.archive(SALES, other.id(), other.version()).status())
        .isEqualTo(AccountStatus.ARCHIVED);
  }

  @Test
  void archiveAndRestoreRunEveryStageWithTheImagesAndOnlyStateChangePlugins() {
    List<PluginContext> seen = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    List<Object> targets = new ArrayList<>();
    List<Object> postImages = new ArrayList<>();
    RecordPlugin recorder =
        ctx -> {
          seen.add(ctx);
          stages.add(ctx.stage());
          targets.add(ctx.target());
          postImages.add(ctx.postImage() == null ? "none" : ctx.postImage());
        };
    registerFor(recorder, Stage.PRE_VALIDATION, null, null, "STATE_CHANGE");
    registerFor(recorder, Stage.PRE_OPERATION, null, null, "STATE_CHANGE");
    registerFor(recorder, Stage.POST_OPERATION, null, "status", "STATE_CHANGE");
    List<String> others = new ArrayList<>();
    register(ctx -> others.add(ctx.operation().name()), Stage.POST_OPERATION, 0);
    registerFor(
        ctx -> others.add("filtered " + ctx.operation()),
        Stage.POST_OPERATION,
        null,
        "name",
        "STATE_CHANGE");
    Account a = accounts.create(SALES, new AccountDraft(unique("Stateful"), null, null, null));
    others.clear();

    Account archived = accounts.archive(SALES, a.id(), a.version());
    assertThat(stages)
        .containsExactly(Stage.PRE_VALIDATION, Stage.PRE_OPERATION, Stage.POST_OPERATION);
    assertThat(targets).containsOnly(AccountStatus.ARCHIVED);
    assertThat(seen.get(0).operation()).isEqualTo(Operation.STATE_CHANGE);
    assertThat(seen.get(0).preImage()).isEqualTo(a);
    assertThat(postImages).containsExactly("none", "none", archived);
    assertThat(seen.get(0).changedFields()).containsExactly("status");
    assertThat(seen.stream().map(PluginContext::correlationId).distinct()).hasSize(1);
    assertThat(others).isEmpty();

    seen.clear();
    targets.clear();
    postImages.clear();
    Account restored = accounts.restore(SALES, a.id(), archived.version());
    assertThat(targets).containsOnly(AccountStatus.ACTIVE);
    assertThat(((Account) seen.get(0).preImage()).status()).isEqualTo(AccountStatus.ARCHIVED);
    assertThat(postImages).containsExactly("none", "none", restored);
    assertThat(restored.status()).isEqualTo(AccountStatus.ACTIVE);
  }

  @Test
  void theTargetOfAStateChangeCannotBeReplaced() {
    registerFor(
        ctx -> ctx.replaceTarget(AccountStatus.ACTIVE),
        Stage.PRE_VALIDATION,
        null,
        null,
        "STATE_CHANGE");
    Account a = accounts.create(SALES, new AccountDraft(unique("Fixed"), null, null, null));
    assertThatThrownBy(() -> accounts.archive(SALES, a.id(), a.version()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(accounts.get(SALES, a.id()).status()).isEqualTo(AccountStatus.ACTIVE);
  }

  @Test
  void anAsyncPluginGetsAJobInTheTransactionAndDoesNotRunThere() {
    List<UUID> correlations = new ArrayList<>();
    registerFor(mustNotRun(), Stage.ASYNC, "test.async", null, "CREATE", "STATE_CHANGE");
    registerFor(
        ctx -> correlations.add(ctx.correlationId()), Stage.POST_OPERATION, null, null, "CREATE");
    long eventsBefore = outbox.pendingCount();
    AccountDraft draft = new AccountDraft(unique("Async"), "p-" + UUID.randomUUID(), null, null);

    Account a = accounts.create(SALES, draft);

    List<OutboxEvent> jobs = jobsOf(a.id());
    assertThat(jobs).hasSize(1);
    assertThat(outbox.pendingCount()).isEqualTo(eventsBefore + 2);
    OutboxEvent job = jobs.get(0);
    assertThat(job.aggregateType()).isEqualTo("account");
    Map<String, Object> data = (Map<String, Object>) Json.readObject(job.payload()).get("data");
    assertThat(data)
        .containsEntry("plugin", "test.async")
        .containsEntry("operation", "CREATE")
        .containsEntry("correlationId", correlations.get(0).toString());
    assertThat(data.get("postImage").toString()).contains(a.id().toString());

    Account archived = accounts.archive(SALES, a.id(), a.version());
    assertThat(jobsOf(a.id())).hasSize(2);
    Map<String, Object> second =
        (Map<String, Object>) Json.readObject(jobsOf(a.id()).get(1).payload()).get("data");
    assertThat(second)
        .containsEntry("operation", "STATE_CHANGE")
        .containsEntry("changedFields", List.of("status"));
    accounts.restore(SALES, a.id(), archived.version());
    assertThat(jobsOf(a.id())).hasSize(3);
  }

  @Test
  void aRolledBackChangeLeavesNoJob() {
    registerFor(mustNotRun(), Stage.ASYNC, "test.async", null, "CREATE");
    registerFor(
        ctx -> {
          throw new PluginVetoException("not today");
        },
        Stage.POST_OPERATION,
        null,
        null,
        "CREATE");
    long before = jobCount();
    String name = unique("No job");
    assertThatThrownBy(() -> accounts.create(SALES, new AccountDraft(name, null, null, null)))
        .isInstanceOf(PluginVetoException.class);
    assertThat(named(name)).isEmpty();
    assertThat(jobCount()).isEqualTo(before);
  }

  @Test
  void onlyMatchingAsyncPluginsGetJobs() {
    registerFor(mustNotRun(), Stage.ASYNC, "test.delete", null, "DELETE");
    registerFor(mustNotRun(), Stage.ASYNC, "test.erp-ref", "erpRef", "CREATE", "UPDATE");
    registerFor(mustNotRun(), Stage.ASYNC, "test.merge", null, "MERGE");
    Map<String, Object> contactProps = new HashMap<>();
    contactProps.put(RecordPlugin.ENTITY, "contact");
    contactProps.put(RecordPlugin.OPERATION, "CREATE");
    contactProps.put(RecordPlugin.STAGE, "ASYNC");
    RecordPlugin contactPlugin = mustNotRun();
    plugins.addPlugin(contactPlugin, contactProps);
    registered.add(contactPlugin);

    Account a = accounts.create(SALES, new AccountDraft(unique("Unmatched"), null, null, null));
    Account renamed =
        accounts.update(
            SALES,
            a.id(),
            a.version(),
            new AccountDraft(a.name() + "!", null, "sales", LifecycleStage.PROSPECT));
    assertThat(jobsOf(a.id())).isEmpty();

    accounts.update(
        SALES,
        a.id(),
        renamed.version(),
        new AccountDraft(
            renamed.name(), "p-" + UUID.randomUUID(), "sales", LifecycleStage.PROSPECT));
    assertThat(jobsOf(a.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.payload()).contains("\"plugin\":\"test.erp-ref\""));
  }

  @Test
  void theRunnerRebuildsTheContextWithTheSameTypesAndRunsThePluginAfterCommit() {
    List<PluginContext> sync = new ArrayList<>();
    List<PluginContext> async = new ArrayList<>();
    List<Throwable> replaceFailures = new ArrayList<>();
    RecordPlugin asyncPlugin =
        ctx -> {
          async.add(ctx);
          try {
            ctx.replaceTarget(ctx.target());
          } catch (IllegalStateException e) {
            replaceFailures.add(e);
          }
        };
    registerFor(asyncPlugin, Stage.ASYNC, "test.runner", null, "CREATE", "UPDATE", "DELETE");
    registerFor(sync::add, Stage.POST_OPERATION, null, null, "CREATE", "UPDATE");
    AsyncPluginRunner runner = new AsyncJobRunner(plugins);
    AccountDraft draft =
        new AccountDraft(unique("Runner"), "p-" + UUID.randomUUID(), null, LifecycleStage.CUSTOMER);

    Account a = accounts.create(SALES, draft);
    assertThat(async).isEmpty();
    runner.run(jobsOf(a.id()).get(0).payload());

    assertThat(async).hasSize(1);
    PluginContext ctx = async.get(0);
    assertThat(ctx.stage()).isEqualTo(Stage.ASYNC);
    assertThat(ctx.entity()).isEqualTo("account");
    assertThat(ctx.operation()).isEqualTo(Operation.CREATE);
    assertThat(ctx.actor()).isEqualTo(SALES);
    assertThat(ctx.correlationId()).isEqualTo(sync.get(0).correlationId());
    assertThat(ctx.target()).isEqualTo(draft);
    assertThat(ctx.preImage()).isNull();
    assertThat(ctx.postImage()).isEqualTo(a).isEqualTo(sync.get(0).postImage());
    assertThat(ctx.changedFields()).isEqualTo(sync.get(0).changedFields());
    assertThat(replaceFailures).hasSize(1);

    Account updated =
        accounts.update(
            SALES,
            a.id(),
            a.version(),
            new AccountDraft(a.name(), a.erpRef(), "sales", LifecycleStage.INACTIVE));
    runner.run(jobsOf(a.id()).get(1).payload());
    assertThat(async.get(1).preImage()).isEqualTo(a);
    assertThat(async.get(1).postImage()).isEqualTo(updated);

    Actor admin = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.SHELL);
    Account archived = accounts.archive(admin, a.id(), updated.version());
    accounts.delete(admin, a.id(), archived.version());
    runner.run(jobsOf(a.id()).get(2).payload());
    assertThat(async.get(2).operation()).isEqualTo(Operation.DELETE);
    assertThat(async.get(2).target()).isEqualTo(a.id());
    assertThat(async.get(2).preImage()).isEqualTo(archived);
    assertThat(async.get(2).postImage()).isNull();
    assertThat(async.get(2).actor()).isEqualTo(admin);

    String payload = jobsOf(a.id()).get(0).payload();
    unregister();
    assertThatThrownBy(() -> runner.run(payload))
        .isInstanceOf(PluginNotRegisteredException.class)
        .hasMessageContaining("test.runner");
    assertThatThrownBy(() -> runner.run("{\"data\":{\"plugin\":1}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVetoOrFailureOfAnAsyncPluginReachesTheCallerOfTheRunner() {
    registerFor(
        ctx -> {
          throw new PluginVetoException("too late to refuse");
        },
        Stage.ASYNC,
        "test.veto",
        null,
        "CREATE");
    Account a = accounts.create(SALES, new AccountDraft(unique("Committed"), null, null, null));
    assertThat(accounts.get(SALES, a.id())).isEqualTo(a);
    assertThatThrownBy(() -> new AsyncJobRunner(plugins).run(jobsOf(a.id()).get(0).payload()))
        .isInstanceOf(PluginVetoException.class)
        .hasMessage("too late to refuse");
  }

  @Test
  void jobsNeverBecomeWebhookDeliveries() {
    Actor admin = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
    WebhookSubscription everything =
        webhooks.subscribe(
            admin,
            new WebhookSubscriptionDraft(
                "https://hooks.example.com/" + UUID.randomUUID(),
                List.of("*"),
                "s3cret-0123456789-abcdef",
                true));
    registerFor(mustNotRun(), Stage.ASYNC, "test.hidden", null, "CREATE");

    Account a = accounts.create(SALES, new AccountDraft(unique("Hidden"), null, null, null));

    assertThat(jobsOf(a.id())).hasSize(1);
    assertThat(webhooks.deliveries(admin, everything.id(), 200, null).items())
        .extracting(WebhookDelivery::eventType)
        .containsExactly("account.created");
    webhooks.unsubscribe(admin, everything.id());
  }
}
