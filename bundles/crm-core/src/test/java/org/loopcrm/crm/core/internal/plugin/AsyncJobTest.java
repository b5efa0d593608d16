package org.loopcrm.crm.core.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.Stage;
import org.loopcrm.crm.core.internal.json.Json;

class AsyncJobTest {
  private static final Actor ACTOR =
      new Actor("sales", Set.of(Role.CRM_SALES, Role.CRM_MARKETING), Actor.Channel.SHELL);

  private static AsyncJob roundTrip(AsyncJob job) {
    return AsyncJob.fromMap(Json.readObject(Json.write(job.toMap())));
  }

  private static Account account(Receivables receivables) {
    return new Account(
        UUID.randomUUID(),
        "Globex \"Ltd\"\n",
        null,
        "sales",
        LifecycleStage.CUSTOMER,
        AccountStatus.ARCHIVED,
        receivables,
        7,
        Instant.parse("2026-11-23T07:00:00.123456Z"),
        Instant.parse("2026-11-23T08:00:00Z"));
  }

  @Test
  void everyTargetAndImageTypeComesBackEqual() {
    Account before =
        account(
            new Receivables(
                new BigDecimal("1E+3"), "EUR", 3, "INV-9", Instant.parse("2026-01-01T00:00:00Z")));
    Account after = account(null);
    for (Object target :
        new Object[] {
          new AccountDraft("n", "P-1", null, LifecycleStage.PROSPECT),
          UUID.randomUUID(),
          AccountStatus.ACTIVE,
          null
        }) {
      AsyncJob job =
          new AsyncJob(
              "k",
              "account",
              Operation.STATE_CHANGE,
              UUID.randomUUID(),
              ACTOR,
              Set.of("status", "name"),
              target,
              before,
              after);
      assertThat(roundTrip(job)).isEqualTo(job);
    }
  }

  @Test
  void theRebuiltContextIsAtAsyncAndKeepsItsTarget() {
    AsyncJob job =
        new AsyncJob(
            "k",
            "account",
            Operation.CREATE,
            UUID.randomUUID(),
            ACTOR,
            Set.of("name"),
            new AccountDraft("n", null, null, null),
            null,
            account(Receivables.none()));
    PipelineContext ctx = job.context();
    assertThat(ctx.stage()).isEqualTo(Stage.ASYNC);
    assertThat(ctx.correlationId()).isEqualTo(job.correlationId());
    assertThat(ctx.postImage()).isEqualTo(job.postImage());
    assertThatThrownBy(() -> ctx.replaceTarget(new AccountDraft("x", null, null, null)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unknownValueTypesAreRefusedBothWays() {
    AsyncJob job =
        new AsyncJob(
            "k",
            "account",
            Operation.CREATE,
            UUID.randomUUID(),
            ACTOR,
            Set.of(),
            "text",
            null,
            null);
    assertThatThrownBy(job::toMap).isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> m =
        new AsyncJob(
                "k",
                "account",
                Operation.CREATE,
                UUID.randomUUID(),
                ACTOR,
                Set.of(),
                null,
                null,
                null)
            .toMap();
    m.put("target", Map.of("type", "java.io.File", "value", "/etc/passwd"));
    assertThatThrownBy(() -> AsyncJob.fromMap(Json.readObject(Json.write(m))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown value type");
  }

  @Test
  void customFieldValuesComeBackWithTheirTypes() {
    java.util.Map<String, Object> values = new java.util.HashMap<>();
    values.put("tier", "gold");
    values.put("revenue", new BigDecimal("1250.5"));
    values.put("employees", 120L);
    values.put("founded", java.time.LocalDate.of(1999, 4, 1));
    values.put("key_account", true);
    Account acc =
        new Account(
            UUID.randomUUID(),
            "Typed",
            null,
            "DE1",
            "sales",
            LifecycleStage.CUSTOMER,
            AccountStatus.ACTIVE,
            null,
            3,
            Instant.parse("2026-11-23T07:00:00Z"),
            Instant.parse("2026-11-23T08:00:00Z"),
            values);
    java.util.Map<String, Object> change = new java.util.HashMap<>();
    change.put("tier", "silver");
    change.put("founded", null);
    AccountDraft draft =
        new AccountDraft("Typed", null, "DE1", "sales", LifecycleStage.CUSTOMER, change);
    AsyncJob job =
        new AsyncJob(
            "k",
            "account",
            Operation.UPDATE,
            acc.id(),
            ACTOR,
            Set.of("customFields.tier"),
            draft,
            acc,
            acc);
    AsyncJob back = roundTrip(job);
    assertThat(back).isEqualTo(job);
    assertThat(((Account) back.postImage()).customFields()).isEqualTo(values);
  }
}
