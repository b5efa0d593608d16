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
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.loopcrm.crm.api.plugin.Stage;
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
  private long serviceIds;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC(), plugins);
    outbox = new JpaOutboxService(emf, Clock.systemUTC());
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
}
