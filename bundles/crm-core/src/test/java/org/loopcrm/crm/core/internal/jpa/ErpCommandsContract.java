package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleLine;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/** Commands to the ERP through the outbox (decisions.md §27), on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ErpCommandsContract {
  static final Actor INTEGRATION = Actor.system("connector");

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaErpCommandService commands;
  private JpaOutboxService outbox;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, clock);
    commands = new JpaErpCommandService(emf, clock, AccessPolicy.privateAccess());
    outbox = new JpaOutboxService(emf, clock);
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Actor user(Role role) {
    return new Actor(unique(role.realmName()), Set.of(role), Actor.Channel.REST);
  }

  private Account account(Actor owner) {
    return accounts.create(
        owner, new AccountDraft(unique("Cmd"), null, owner.user(), LifecycleStage.PROSPECT));
  }

  private static ErpCommandRequest.Sale sale(String quantity) {
    return new ErpCommandRequest.Sale(
        "PO-1",
        "EUR",
        List.of(new SaleLine("SERVICE", new BigDecimal(quantity), new BigDecimal("80"), null)),
        true);
  }

  private List<OutboxEvent> events(String aggregateId, String type) {
    return outbox.pending(100_000).stream()
        .filter(e -> e.aggregateId().equals(aggregateId))
        .filter(e -> e.type().equals(type))
        .toList();
  }

  @Test
  void aCommandIsStoredWithItsEventAndItsKeyFindsItAgain() {
    Actor sales = user(Role.CRM_USER);
    Account a = account(sales);
    ErpCommand c = commands.request(sales, a.id(), "quote-7", null, sale("2"));

    assertThat(c.status()).isEqualTo(ErpCommand.Status.PENDING);
    assertThat(c.attempts()).isEqualTo(1);
    assertThat(c.requestedBy()).isEqualTo(sales.user());
    assertThat(events(c.id().toString(), ErpCommandService.REQUESTED)).hasSize(1);

    ErpCommand again = commands.request(sales, a.id(), "quote-7", null, sale("2"));
    assertThat(again.id()).isEqualTo(c.id());
    assertThat(events(c.id().toString(), ErpCommandService.REQUESTED)).hasSize(1);
    assertThatThrownBy(() -> commands.request(sales, a.id(), "quote-7", null, sale("3")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("quote-7");
    assertThat(commands.commands(sales, a.id(), 10, null).items())
        .extracting(ErpCommand::id)
        .containsExactly(c.id());
  }

  @Test
  void theRequestComesBackAsItWasAsked() {
    Actor sales = user(Role.CRM_USER);
    Account a = account(sales);
    ErpCommandRequest.Production production =
        new ErpCommandRequest.Production(
            "ASSEMBLY",
            new BigDecimal("1.5"),
            LocalDate.of(2026, 12, 1),
            List.of(new BomLine("WIDGET", new BigDecimal("3"))),
            "17",
            "CTO-1");
    ErpCommandRequest.Project project =
        new ErpCommandRequest.Project(
            "Line 4", List.of(new ProjectTask("Design", new BigDecimal("12.5"))), null);
    UUID p1 = commands.request(sales, a.id(), null, "tryton", production).id();
    UUID p2 = commands.request(sales, a.id(), null, null, project).id();

    ErpCommand read = commands.command(sales, p1);
    assertThat(read.request()).isEqualTo(production);
    assertThat(read.erpSystem()).isEqualTo("tryton");
    assertThat(read.key()).isNotBlank();
    assertThat(commands.command(sales, p2).request()).isEqualTo(project);
    assertThat(commands.command(sales, p2).request().kind()).isEqualTo(DocumentKind.PROJECT);
  }

  @Test
  void aSaleChangeComesBackWithItsLinesAndRefusesANegativeQuantity() {
    Actor sales = user(Role.CRM_USER);
    Account a = account(sales);
    UUID sale = commands.request(sales, a.id(), null, null, sale("5")).id();
    ErpCommandRequest.ChangeSale change =
        new ErpCommandRequest.ChangeSale(
            sale,
            List.of(
                new org.loopcrm.crm.api.erp.port.SaleLineChange(1, new BigDecimal("3")),
                new org.loopcrm.crm.api.erp.port.SaleLineChange(4, BigDecimal.ZERO)),
            "smaller order");

    ErpCommand c = commands.request(sales, a.id(), "change-" + sale + "-1", null, change);

    ErpCommand read = commands.command(sales, c.id());
    assertThat(read.request()).isInstanceOf(ErpCommandRequest.ChangeSale.class);
    ErpCommandRequest.ChangeSale back = (ErpCommandRequest.ChangeSale) read.request();
    assertThat(back.saleCommandId()).isEqualTo(sale);
    assertThat(back.reason()).isEqualTo("smaller order");
    assertThat(back.lines())
        .extracting(org.loopcrm.crm.api.erp.port.SaleLineChange::position)
        .containsExactly(1, 4);
    assertThat(back.lines().get(0).quantity()).isEqualByComparingTo("3");
    assertThat(back.lines().get(1).quantity()).isEqualByComparingTo("0");
    assertThat(read.request().kind()).isEqualTo(DocumentKind.SALE);
    assertThatThrownBy(
            () ->
                commands.request(
                    sales,
                    a.id(),
                    null,
                    null,
                    new ErpCommandRequest.ChangeSale(
                        sale,
                        List.of(
                            new org.loopcrm.crm.api.erp.port.SaleLineChange(
                                1, new BigDecimal("-1"))),
                        null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lines[0].quantity");
    assertThatThrownBy(
            () ->
                commands.request(
                    sales,
                    a.id(),
                    null,
                    null,
                    new ErpCommandRequest.ChangeSale(sale, List.of(), null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lines");
  }

  @Test
  void anIncompleteRequestIsRefusedFieldByField() {
    Actor sales = user(Role.CRM_USER);
    Account a = account(sales);
    assertThatThrownBy(() -> commands.request(sales, a.id(), null, null, sale("0")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lines[0].quantity");
    assertThatThrownBy(
            () ->
                commands.request(
                    sales,
                    a.id(),
                    null,
                    null,
                    new ErpCommandRequest.Sale(null, "eur", List.of(), true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("currency")
        .hasMessageContaining("lines");
    assertThatThrownBy(
            () ->
                commands.request(
                    sales,
                    a.id(),
                    "has space",
                    null,
                    new ErpCommandRequest.Project(" ", List.of(), null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("key")
        .hasMessageContaining("name");
    assertThatThrownBy(() -> commands.request(sales, a.id(), null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("kind");
  }

  @Test
  void onlyThoseWhoMayEditTheAccountPlaceCommandsAndOnlyTheIntegrationReports() {
    Actor owner = user(Role.CRM_USER);
    Account a = account(owner);
    assertThatThrownBy(() -> commands.request(user(Role.CRM_VIEWER), a.id(), null, null, sale("1")))
        .isInstanceOf(AccessDeniedException.class);
    // Private accounts: another user does not see it at all.
    assertThatThrownBy(() -> commands.request(user(Role.CRM_USER), a.id(), null, null, sale("1")))
        .isInstanceOf(NotFoundException.class);
    ErpCommand c = commands.request(owner, a.id(), null, null, sale("1"));
    assertThatThrownBy(() -> commands.command(user(Role.CRM_USER), c.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                commands.completed(
                    owner,
                    c.id(),
                    new DocumentRef("tryton", DocumentKind.SALE, "1", "S1", "confirmed", true)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> commands.command(owner, UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aCommandIsDoneOnceWithOneDocumentAndAFailedOneMayBeRetried() {
    Actor sales = user(Role.CRM_USER);
    Account a = account(sales);
    ErpCommand c = commands.request(sales, a.id(), null, null, sale("1"));
    DocumentRef sale = new DocumentRef("tryton", DocumentKind.SALE, "41", "S41", "confirmed", true);

    assertThatThrownBy(() -> commands.retry(sales, c.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PENDING");
    ErpCommand failed = commands.failed(INTEGRATION, c.id(), "product SERVICE is not salable");
    assertThat(failed.status()).isEqualTo(ErpCommand.Status.FAILED);
    assertThat(failed.failure()).isEqualTo("product SERVICE is not salable");
    assertThat(events(a.id().toString(), "erp.command.failed")).hasSize(1);

    ErpCommand retried = commands.retry(sales, c.id());
    assertThat(retried.status()).isEqualTo(ErpCommand.Status.PENDING);
    assertThat(retried.attempts()).isEqualTo(2);
    assertThat(retried.failure()).isNull();
    assertThat(events(c.id().toString(), ErpCommandService.REQUESTED)).hasSize(2);

    ErpCommand done = commands.completed(INTEGRATION, c.id(), sale);
    assertThat(done.status()).isEqualTo(ErpCommand.Status.DONE);
    assertThat(done.documentRef()).isEqualTo("41");
    assertThat(done.documentNumber()).isEqualTo("S41");
    assertThat(done.erpSystem()).isEqualTo("tryton");
    assertThat(commands.completed(INTEGRATION, c.id(), sale).documentRef()).isEqualTo("41");
    assertThat(events(a.id().toString(), "erp.command.done")).hasSize(1);
    assertThatThrownBy(
            () ->
                commands.completed(
                    INTEGRATION,
                    c.id(),
                    new DocumentRef("tryton", DocumentKind.SALE, "42", "S42", "draft", true)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("41");
    assertThatThrownBy(() -> commands.failed(INTEGRATION, c.id(), "late"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> commands.retry(sales, c.id())).isInstanceOf(ConflictException.class);
  }
}
