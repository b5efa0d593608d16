package org.loopcrm.crm.core.internal.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.api.erp.CreditCheck;
import org.loopcrm.crm.api.erp.port.Availability;
import org.loopcrm.crm.api.erp.port.CreditStatus;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.erp.port.FinancePort;
import org.loopcrm.crm.api.erp.port.InventoryPort;

/**
 * Which port answers, and who may ask. The ports here are stand-ins that echo what they were asked;
 * the real Tryton ports are tested against Tryton in crm-erp-tryton.
 */
class ErpLiveTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final Actor SALES = new Actor("sales", Set.of(Role.CRM_USER), Actor.Channel.REST);
  private static final Actor VIEWER =
      new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private final Map<UUID, Account> accounts = new HashMap<>();
  private final ErpLive live =
      new ErpLive(
          accountService(), Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

  private AccountService accountService() {
    return (AccountService)
        Proxy.newProxyInstance(
            AccountService.class.getClassLoader(),
            new Class<?>[] {AccountService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("get")) {
                Account a = accounts.get((UUID) args[1]);
                if (a == null) {
                  throw new NotFoundException("account", args[1]);
                }
                return a;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private record Stock(String system, BigDecimal forecast) implements InventoryPort {
    @Override
    public Availability availability(
        String productCode, BigDecimal quantity, LocalDate date, String warehouse) {
      return new Availability(
          productCode, warehouse, date, quantity, forecast, forecast, "u", null);
    }
  }

  private record Books(String system, BigDecimal receivable, BigDecimal limit)
      implements FinancePort {
    @Override
    public CreditStatus creditStatus(String erpRef) {
      return new CreditStatus(erpRef, receivable, null, limit, "EUR", null);
    }
  }

  private UUID account(String erpRef) {
    UUID id = UUID.randomUUID();
    accounts.put(
        id,
        new Account(
            id,
            "Acme",
            erpRef,
            null,
            "sales",
            LifecycleStage.CUSTOMER,
            AccountStatus.ACTIVE,
            Receivables.none(),
            1,
            Instant.EPOCH,
            Instant.EPOCH));
    return id;
  }

  @Test
  void withoutAConnectedErpTheAnswerIsUnavailableNotAGuess() {
    assertThatThrownBy(() -> live.availability(SALES, null, "WIDGET", BigDecimal.ONE, null, null))
        .isInstanceOf(ErpUnavailableException.class)
        .hasMessageContaining("no ERP");
  }

  @Test
  void theOnlyErpAnswersForTodayWhenNoDateIsGiven() {
    live.addInventory(new Stock("tryton", new BigDecimal("7")), Map.of());

    Availability a = live.availability(SALES, null, " WIDGET ", new BigDecimal("5"), null, " ");

    assertThat(a.productCode()).isEqualTo("WIDGET");
    assertThat(a.date()).isEqualTo(TODAY);
    assertThat(a.warehouse()).isNull();
    assertThat(a.available()).isTrue();
  }

  @Test
  void withSeveralErpsTheCallerNamesOne() {
    live.addInventory(new Stock("tryton", new BigDecimal("7")), Map.of());
    live.addInventory(new Stock("sap", BigDecimal.ZERO), Map.of());

    assertThatThrownBy(() -> live.availability(SALES, null, "WIDGET", BigDecimal.ONE, TODAY, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tryton, sap");
    assertThat(live.availability(SALES, "sap", "WIDGET", BigDecimal.ONE, TODAY, null).available())
        .isFalse();
    assertThatThrownBy(
            () -> live.availability(SALES, "odoo", "WIDGET", BigDecimal.ONE, TODAY, null))
        .isInstanceOf(ErpUnavailableException.class);
  }

  @Test
  void badQuestionsAndStrangersAreRefused() {
    live.addInventory(new Stock("tryton", BigDecimal.TEN), Map.of());

    assertThatThrownBy(() -> live.availability(SALES, null, " ", BigDecimal.ZERO, TODAY, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("product", "quantity"));
    Actor nobody = new Actor("nobody", Set.of(), Actor.Channel.REST);
    assertThatThrownBy(() -> live.availability(nobody, null, "W", BigDecimal.ONE, TODAY, null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aCreditCheckAsksTheErpWithTheAccountsReference() {
    live.addFinance(new Books("tryton", new BigDecimal("900"), new BigDecimal("1000")), Map.of());
    UUID linked = account("42");

    CreditCheck fits = live.creditCheck(SALES, null, linked, new BigDecimal("100"));
    CreditCheck over = live.creditCheck(SALES, null, linked, new BigDecimal("100.01"));

    assertThat(fits.allowed()).isTrue();
    assertThat(fits.status().erpRef()).isEqualTo("42");
    assertThat(fits.erpSystem()).isEqualTo("tryton");
    assertThat(over.allowed()).isFalse();
    assertThat(live.creditCheck(SALES, null, linked, null).amount()).isEqualByComparingTo("0");
  }

  @Test
  void aCreditCheckNeedsFinanceRightsAndALinkedAccount() {
    live.addFinance(new Books("tryton", BigDecimal.ZERO, null), Map.of());
    UUID unlinked = account(null);
    UUID linked = account("7");

    assertThatThrownBy(() -> live.creditCheck(VIEWER, null, linked, null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> live.creditCheck(SALES, null, unlinked, null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("not linked");
    assertThatThrownBy(() -> live.creditCheck(SALES, null, linked, new BigDecimal("-1")))
        .isInstanceOf(ValidationException.class);
    assertThat(live.creditCheck(SALES, null, linked, new BigDecimal("1e9")).allowed()).isTrue();
  }
}
