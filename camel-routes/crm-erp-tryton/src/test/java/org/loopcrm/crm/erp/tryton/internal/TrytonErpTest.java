package org.loopcrm.crm.erp.tryton.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.clause;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.port.Availability;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.CreditStatus;
import org.loopcrm.crm.api.erp.port.CustomerRecord;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.PostalAddress;
import org.loopcrm.crm.api.erp.port.ProductionCommand;
import org.loopcrm.crm.api.erp.port.ProjectCommand;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleCommand;
import org.loopcrm.crm.api.erp.port.SaleLine;
import org.loopcrm.crm.api.erp.port.SaleLineChange;

/** The six ports against the real Tryton of {@code scripts/tryton.sh} (fixture: its README). */
@Tag("erp")
class TrytonErpTest {
  private static TrytonTestServer tryton;

  @BeforeAll
  static void connect() {
    tryton = new TrytonTestServer();
  }

  @AfterAll
  static void close() throws Exception {
    tryton.close();
  }

  private static CustomerRecord customer(UUID crmId, String name, String email) {
    return new CustomerRecord(
        crmId,
        null,
        name,
        "DE" + Math.abs(crmId.getMostSignificantBits() % 1_000_000_000L),
        email,
        "+49 30 1234567",
        null,
        List.of(new PostalAddress("Hauptstr. 1", "10115", "Berlin", null, true, true)),
        null);
  }

  private static long partiesWithCrmId(UUID crmId) {
    return tryton
        .models
        .searchRead(
            "party.party",
            List.of(clause("identifiers.code", "=", TrytonErp.CRM_ID_PREFIX + crmId)),
            0,
            null,
            null,
            "id")
        .size();
  }

  @Test
  void aCustomerBecomesOnePartyWithItsMechanismsAndAddressEvenWhenWrittenTwice() {
    UUID crmId = UUID.randomUUID();
    String ref = tryton.erp.upsertCustomer(customer(crmId, "Acme " + crmId, "a@acme.example"));
    // A retry after a crash knows no erpRef yet: the CRM id on the party finds it.
    String again = tryton.erp.upsertCustomer(customer(crmId, "Acme " + crmId, "a@acme.example"));

    assertThat(again).isEqualTo(ref);
    assertThat(partiesWithCrmId(crmId)).isEqualTo(1);
    CustomerRecord read = tryton.erp.customer(ref).orElseThrow();
    assertThat(read.crmId()).isEqualTo(crmId);
    assertThat(read.name()).isEqualTo("Acme " + crmId);
    assertThat(read.email()).isEqualTo("a@acme.example");
    assertThat(read.phone()).isEqualTo("+49 30 1234567");
    assertThat(read.taxId()).startsWith("DE");
    assertThat(read.addresses())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.city()).isEqualTo("Berlin");
              assertThat(a.postalCode()).isEqualTo("10115");
            });
    assertThat(read.changedAt()).isNotNull();
  }

  @Test
  void anUpdateChangesTheSamePartyAndMovesItsWriteDate() {
    UUID crmId = UUID.randomUUID();
    String ref = tryton.erp.upsertCustomer(customer(crmId, "Before " + crmId, "x@before.example"));
    CustomerRecord before = tryton.erp.customer(ref).orElseThrow();

    CustomerRecord changed =
        new CustomerRecord(
            crmId,
            ref,
            "After " + crmId,
            before.taxId(),
            "x@after.example",
            before.phone(),
            "https://after.example",
            List.of(new PostalAddress("Neue Str. 2", "20095", "Hamburg", null, true, true)),
            null);
    assertThat(tryton.erp.upsertCustomer(changed)).isEqualTo(ref);

    CustomerRecord after = tryton.erp.customer(ref).orElseThrow();
    assertThat(after.name()).isEqualTo("After " + crmId);
    assertThat(after.email()).isEqualTo("x@after.example");
    assertThat(after.website()).isEqualTo("https://after.example");
    assertThat(after.addresses())
        .singleElement()
        .extracting(PostalAddress::city)
        .isEqualTo("Hamburg");
    assertThat(after.changedAt()).isAfter(before.changedAt());
    assertThat(partiesWithCrmId(crmId)).isEqualTo(1);
  }

  @Test
  void availabilityReadsStockOfTheWarehouse() {
    Availability widget =
        tryton.erp.availability("WIDGET", new BigDecimal("5"), LocalDate.now(), null);
    Availability gadget =
        tryton.erp.availability("GADGET", new BigDecimal("1"), LocalDate.now(), null);

    assertThat(widget.onHand()).isGreaterThanOrEqualTo(new BigDecimal("5"));
    assertThat(widget.available()).isTrue();
    assertThat(widget.warehouse()).isEqualTo("WH");
    assertThat(gadget.onHand()).isEqualByComparingTo("0");
    assertThat(gadget.available()).isFalse();
    assertThatThrownBy(
            () -> tryton.erp.availability("NO-SUCH", BigDecimal.ONE, LocalDate.now(), null))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSaleIsPlacedAndConfirmedOncePerKey() {
    String party = tryton.erp.upsertCustomer(customer(UUID.randomUUID(), "Buyer", null));
    String key = "quote-" + UUID.randomUUID() + "/r1";
    SaleCommand command =
        new SaleCommand(
            key,
            party,
            "Q-1001",
            null,
            List.of(new SaleLine("WIDGET", new BigDecimal("3"), new BigDecimal("9.50"), null)),
            true);

    DocumentRef first = tryton.erp.placeSale(command);
    DocumentRef second = tryton.erp.placeSale(command);

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(first.kind()).isEqualTo(DocumentKind.SALE);
    assertThat(first.number()).isNotBlank();
    assertThat(first.state()).isIn("confirmed", "processing");
    Map<String, Object> sale =
        tryton.models.readOne("sale.sale", Long.parseLong(first.id()), "total_amount", "reference");
    assertThat((BigDecimal) sale.get("total_amount")).isEqualByComparingTo("28.50");
    assertThat(sale.get("reference")).isEqualTo("Q-1001");
  }

  @Test
  void creditStatusShowsWhatThePostedInvoiceLeavesOpen() {
    String party = tryton.erp.upsertCustomer(customer(UUID.randomUUID(), "Debtor", null));
    DocumentRef sale =
        tryton.erp.placeSale(
            new SaleCommand(
                UUID.randomUUID().toString(),
                party,
                null,
                null,
                List.of(new SaleLine("SERVICE", new BigDecimal("2"), new BigDecimal("80"), null)),
                true));
    TrytonFixture.postInvoicesOf(tryton.models, Long.parseLong(sale.id()));

    CreditStatus status = tryton.erp.creditStatus(party);

    assertThat(status.receivable()).isEqualByComparingTo("160");
    assertThat(status.currency()).isEqualTo("EUR");
    assertThatThrownBy(() -> tryton.erp.creditStatus("999999999"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void contactDetailsAloneLeaveANameChangedInTrytonAsItIs() {
    UUID crmId = UUID.randomUUID();
    String ref = tryton.erp.upsertCustomer(customer(crmId, "Before " + crmId, "a@before.example"));
    tryton.models.write("party.party", List.of(Long.parseLong(ref)), Map.of("name", "Renamed"));

    String again =
        tryton.erp.writeContactDetails(ref, customer(crmId, "Before " + crmId, "b@after.example"));

    assertThat(again).isEqualTo(ref);
    CustomerRecord read = tryton.erp.customer(ref).orElseThrow();
    assertThat(read.name()).isEqualTo("Renamed");
    assertThat(read.email()).isEqualTo("b@after.example");
  }

  private static double quantity(String model, long id) {
    return ((Number) tryton.models.readOne(model, id, "quantity").get("quantity")).doubleValue();
  }

  @Test
  void aReducedSaleLineReducesItsShipmentAndDraftInvoiceUntilTheGoodsArePicked() {
    String party = tryton.erp.upsertCustomer(customer(UUID.randomUUID(), "Reducer", null));
    DocumentRef sale =
        tryton.erp.placeSale(
            new SaleCommand(
                UUID.randomUUID().toString(),
                party,
                null,
                null,
                List.of(
                    new SaleLine("WIDGET", new BigDecimal("5"), new BigDecimal("10"), null),
                    new SaleLine("SERVICE", new BigDecimal("2"), new BigDecimal("80"), null)),
                true));
    long saleId = Long.parseLong(sale.id());
    Map<String, Object> row =
        tryton.models.readOne("sale.sale", saleId, "lines", "shipments", "invoices");
    long widgetLine = TrytonErp.ids(row.get("lines")).get(0);
    long shipment = TrytonErp.ids(row.get("shipments")).get(0);
    // An assigned shipment is taken back to waiting, changed and assigned again.
    tryton.models.button("stock.shipment.out", "assign_try", shipment);

    DocumentRef changed =
        tryton.erp.changeSale(
            sale.id(), List.of(new SaleLineChange(1, new BigDecimal("3"))), "smaller order");
    DocumentRef again =
        tryton.erp.changeSale(
            sale.id(), List.of(new SaleLineChange(1, new BigDecimal("3"))), "smaller order");

    assertThat(changed.state()).isEqualTo("processing");
    assertThat(again.id()).isEqualTo(sale.id());
    assertThat(quantity("sale.line", widgetLine)).isEqualTo(3.0);
    Map<String, Object> s =
        tryton.models.readOne(
            "stock.shipment.out", shipment, "state", "outgoing_moves", "inventory_moves");
    assertThat(s.get("state")).isEqualTo("assigned");
    for (long move : TrytonErp.ids(s.get("outgoing_moves"))) {
      assertThat(quantity("stock.move", move)).isEqualTo(3.0);
    }
    for (long move : TrytonErp.ids(s.get("inventory_moves"))) {
      assertThat(quantity("stock.move", move)).isEqualTo(3.0);
    }
    List<Map<String, Object>> invoiceLines =
        tryton.models.searchRead(
            "account.invoice.line",
            List.of(clause("origin", "=", "sale.line," + widgetLine)),
            0,
            null,
            null,
            "quantity");
    assertThat(invoiceLines)
        .extracting(l -> ((Number) l.get("quantity")).doubleValue())
        .containsExactly(3.0);
    assertThat(
            (BigDecimal)
                tryton.models.readOne("sale.sale", saleId, "total_amount").get("total_amount"))
        .isEqualByComparingTo("190");

    tryton.models.button("stock.shipment.out", "pick", shipment);
    assertThatThrownBy(
            () ->
                tryton.erp.changeSale(
                    sale.id(), List.of(new SaleLineChange(1, new BigDecimal("2"))), "less"))
        .isInstanceOf(ErpRejectedException.class)
        .hasMessageContaining("picked");
    tryton.models.button("stock.shipment.out", "pack", shipment);
    tryton.models.button("stock.shipment.out", "done", shipment);
    assertThatThrownBy(
            () ->
                tryton.erp.changeSale(
                    sale.id(), List.of(new SaleLineChange(1, new BigDecimal("2"))), "less"))
        .isInstanceOf(ErpRejectedException.class)
        .hasMessageContaining("3 shipped already");
    assertThat(quantity("sale.line", widgetLine)).isEqualTo(3.0);
  }

  @Test
  void aProductionIsRequestedOncePerKeyAndCancelledAtZero() {
    String key = "cto-" + UUID.randomUUID();
    ProductionCommand command =
        new ProductionCommand(
            key,
            "ASSEMBLY",
            new BigDecimal("2"),
            LocalDate.now().plusDays(7),
            List.of(
                new BomLine("WIDGET", new BigDecimal("3")), new BomLine("GADGET", BigDecimal.ONE)),
            null,
            null,
            "Q-1002");

    DocumentRef first = tryton.erp.requestProduction(command);
    DocumentRef second = tryton.erp.requestProduction(command);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(first.created()).isTrue();
    assertThat(first.state()).isEqualTo("waiting");
    // The configured BOM, not the product's own, is what the production consumes.
    Map<String, Object> production =
        tryton.models.readOne("production", Long.parseLong(first.id()), "inputs");
    List<Map<String, Object>> inputs =
        tryton.models.read(
            "stock.move", TrytonErp.ids(production.get("inputs")), "product", "quantity");
    assertThat(inputs)
        .extracting(m -> ((Number) m.get("quantity")).doubleValue())
        .containsExactlyInAnyOrder(6.0, 2.0);

    DocumentRef cancelled = tryton.erp.changeProduction(first.id(), BigDecimal.ZERO);
    assertThat(cancelled.state()).isEqualTo("cancelled");
  }

  @Test
  void aProductionWithoutABomUsesTheProductsOwn() {
    DocumentRef ref =
        tryton.erp.requestProduction(
            new ProductionCommand(
                UUID.randomUUID().toString(),
                "ASSEMBLY",
                new BigDecimal("4"),
                LocalDate.now().plusDays(3),
                List.of(),
                null,
                null,
                null));

    Map<String, Object> production =
        tryton.models.readOne("production", Long.parseLong(ref.id()), "inputs", "bom");
    assertThat(production.get("bom")).isNotNull();
    List<Map<String, Object>> inputs =
        tryton.models.read("stock.move", TrytonErp.ids(production.get("inputs")), "quantity");
    assertThat(inputs)
        .extracting(m -> ((Number) m.get("quantity")).doubleValue())
        .containsExactly(8.0);

    DocumentRef halved = tryton.erp.changeProduction(ref.id(), new BigDecimal("2"));
    assertThat(halved.state()).isEqualTo("waiting");
    List<Map<String, Object>> after =
        tryton.models.read("stock.move", TrytonErp.ids(production.get("inputs")), "quantity");
    assertThat(after)
        .extracting(m -> ((Number) m.get("quantity")).doubleValue())
        .containsExactly(4.0);
  }

  @Test
  void aProjectWithTasksIsCreatedOncePerKey() {
    String party =
        tryton.erp.upsertCustomer(customer(UUID.randomUUID(), "Engineering client", null));
    ProjectCommand command =
        new ProjectCommand(
            "eto-" + UUID.randomUUID(),
            party,
            "ETO line 7",
            List.of(
                new ProjectTask("Design", new BigDecimal("16")),
                new ProjectTask("Drawings", new BigDecimal("4.5"))),
            "OPP-7");

    DocumentRef first = tryton.erp.createProject(command);
    DocumentRef second = tryton.erp.createProject(command);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(first.state()).isNotBlank();
    Map<String, Object> project =
        tryton.models.readOne("project.work", Long.parseLong(first.id()), "children", "party");
    assertThat(TrytonErp.ids(project.get("children"))).hasSize(2);
    assertThat(project.get("party")).isEqualTo(Long.parseLong(party));
  }

  @Test
  void aLostSessionIsReplacedWithoutTheCallerNoticing() {
    tryton.rpc.context();
    tryton.rpc.logout();

    assertThat(tryton.erp.availability("WIDGET", BigDecimal.ONE, LocalDate.now(), null).onHand())
        .isPositive();
  }
}
