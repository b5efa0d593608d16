package org.loopcrm.crm.plugin.example.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.Stage;

class ErpLinkedProspectBecomesCustomerPluginTest {
  private static final Actor SALES = new Actor("sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);

  private Account stored;
  private final List<Actor> actors = new ArrayList<>();
  private final List<AccountDraft> updates = new ArrayList<>();

  /** Answers get and update from {@link #stored}; any other call is a test failure. */
  private final AccountService accounts =
      (AccountService)
          Proxy.newProxyInstance(
              AccountService.class.getClassLoader(),
              new Class<?>[] {AccountService.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "get" -> {
                    actors.add((Actor) args[0]);
                    if (stored == null) {
                      throw new NotFoundException("account", (UUID) args[1]);
                    }
                    return stored;
                  }
                  case "update" -> {
                    actors.add((Actor) args[0]);
                    assertThat(args[2]).isEqualTo(stored.version());
                    updates.add((AccountDraft) args[3]);
                    return stored;
                  }
                  default -> throw new AssertionError("unexpected call " + method);
                }
              });

  private final ErpLinkedProspectBecomesCustomerPlugin plugin =
      new ErpLinkedProspectBecomesCustomerPlugin(accounts);

  private static Account account(String erpRef, LifecycleStage stage, long version) {
    return new Account(
        UUID.fromString("00000000-0000-0000-0000-000000000001"),
        "Globex",
        erpRef,
        "sales",
        stage,
        AccountStatus.ACTIVE,
        Receivables.none(),
        version,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void anErpLinkedProspectBecomesACustomerThroughTheServiceAsThePlugin() {
    Account created = account("P-1", LifecycleStage.PROSPECT, 0);
    stored = account("P-1", LifecycleStage.PROSPECT, 2);

    plugin.execute(asyncContext(created));

    assertThat(updates)
        .containsExactly(new AccountDraft("Globex", "P-1", "sales", LifecycleStage.CUSTOMER));
    assertThat(actors)
        .allSatisfy(
            a -> {
              assertThat(a.user()).isEqualTo("sales");
              assertThat(a.roles()).isEqualTo(SALES.roles());
              assertThat(a.channel()).isEqualTo(Actor.Channel.PLUGIN);
            });
  }

  @Test
  void aChangeMadeMeanwhileOrAnEarlierRunWins() {
    Account created = account("P-1", LifecycleStage.PROSPECT, 0);
    stored = account("P-1", LifecycleStage.CUSTOMER, 1);
    plugin.execute(asyncContext(created));
    stored = account(null, LifecycleStage.PROSPECT, 1);
    plugin.execute(asyncContext(created));
    stored = null;
    plugin.execute(asyncContext(created));
    assertThat(updates).isEmpty();
  }

  @Test
  void accountsThatAreNotErpLinkedProspectsAreLeftAlone() {
    plugin.execute(asyncContext(account(null, LifecycleStage.PROSPECT, 0)));
    plugin.execute(asyncContext(account("P-2", LifecycleStage.CUSTOMER, 0)));
    plugin.execute(asyncContext(null));
    assertThat(actors).isEmpty();
  }

  private static PluginContext asyncContext(Account postImage) {
    return new PluginContext() {
      @Override
      public String entity() {
        return "account";
      }

      @Override
      public Operation operation() {
        return Operation.CREATE;
      }

      @Override
      public Stage stage() {
        return Stage.ASYNC;
      }

      @Override
      public Actor actor() {
        return SALES;
      }

      @Override
      public UUID correlationId() {
        return UUID.randomUUID();
      }

      @Override
      public Object target() {
        return null;
      }

      @Override
      public Object preImage() {
        return null;
      }

      @Override
      public Object postImage() {
        return postImage;
      }

      @Override
      public Set<String> changedFields() {
        return Set.of("name", "erpRef");
      }

      @Override
      public void replaceTarget(Object newTarget) {
        throw new IllegalStateException("ASYNC");
      }
    };
  }
}
