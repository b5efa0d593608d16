package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.karaf.shell.support.completers.ArgumentCommandLine;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;

class AccountIdCompleterTest {
  private static final UUID A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
  private static final UUID B = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");

  private static Account account(UUID id) {
    return new Account(
        id,
        "N",
        null,
        "sales",
        LifecycleStage.PROSPECT,
        AccountStatus.ACTIVE,
        new Receivables(BigDecimal.ZERO, null, 0, null, null),
        0,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void completesTheIdsOfTheNewestAccountsByPrefix() {
    List<AccountQuery> queries = new ArrayList<>();
    AccountIdCompleter completer = new AccountIdCompleter();
    completer.accounts =
        (AccountService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {AccountService.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("list")) {
                    throw new AssertionError("unexpected call " + method.getName());
                  }
                  queries.add((AccountQuery) args[1]);
                  return new Page<>(List.of(account(A), account(B)), Optional.empty());
                });

    List<String> candidates = new ArrayList<>();
    completer.complete(null, new ArgumentCommandLine("aaa", 3), candidates);

    // Karaf appends a space to a unique completion so the cursor moves on to the next argument.
    assertThat(candidates).containsExactly(A + " ");
    assertThat(queries)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.sort()).isEqualTo(AccountSort.CREATED_DESC);
              assertThat(q.includeArchived()).isTrue();
              assertThat(q.limit()).isEqualTo(200);
            });
  }
}
