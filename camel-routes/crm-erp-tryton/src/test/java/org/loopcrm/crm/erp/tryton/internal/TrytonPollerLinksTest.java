package org.loopcrm.crm.erp.tryton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.PaymentReceived;

/**
 * Invoices and customer shipments followed back to the CRM's sale, over a fake Tryton: which facts
 * come out and how many calls a batch costs. The same against the real Tryton is TrytonErpIT.
 */
class TrytonPollerLinksTest {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

  private final FakeTryton tryton = new FakeTryton();
  private final RecordingFacts facts = new RecordingFacts();

  private TrytonPoller poller() {
    TrytonModels models = tryton.models();
    Clock clock = Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC);
    return new TrytonPoller(models, new TrytonErp(models, "WH", clock), facts, 50, clock);
  }

  /** The rows of the write_date pass; the create_date pass (write_date = null) finds none. */
  private static Object written(JsonNode params, List<Map<String, Object>> rows) {
    return params.get(0).toString().contains("[\"write_date\",\"=\",null]") ? List.of() : rows;
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private void linked(String party) {
    facts.recordPushed(TrytonErp.SYSTEM, UUID.randomUUID(), party, 1);
  }

  @Test
  void invoicesCarryTheKeyOfTheSaleTheyBillWithOneReadOfSalesPerBatch() {
    linked("3");
    String command = UUID.randomUUID().toString();
    List<Map<String, Object>> invoices =
        List.of(
            row(
                "id",
                11L,
                "party",
                3L,
                "number",
                "INV-11",
                "state",
                "posted",
                "total_amount",
                new BigDecimal("30.00"),
                "currency",
                1L,
                "invoice_date",
                LocalDate.of(2026, 11, 24),
                "sales",
                List.of(7L),
                "write_date",
                T),
            row(
                "id",
                12L,
                "party",
                3L,
                "number",
                "INV-12",
                "state",
                "paid",
                "total_amount",
                new BigDecimal("50.00"),
                "currency",
                1L,
                "invoice_date",
                LocalDate.of(2026, 11, 24),
                "sales",
                List.of(8L, 7L),
                "write_date",
                T.plusSeconds(1)),
            row(
                "id",
                13L,
                "party",
                3L,
                "number",
                "INV-13",
                "state",
                "posted",
                "total_amount",
                new BigDecimal("5.00"),
                "currency",
                1L,
                "invoice_date",
                LocalDate.of(2026, 11, 24),
                "sales",
                List.of(),
                "write_date",
                T.plusSeconds(2)));
    tryton
        .on("model.account.invoice.search_read", p -> written(p, invoices))
        .on(
            "model.sale.sale.read",
            p ->
                List.of(
                    row("id", 7L, "comment", TrytonErp.KEY_PREFIX + command),
                    row("id", 8L, "comment", "typed in Tryton")))
        .on("model.currency.currency.read", p -> List.of(row("id", 1L, "code", "EUR")))
        .on("model.party.party.fields_get", p -> Map.of())
        .on(
            "model.party.party.search_read",
            p ->
                List.of(
                    row(
                        "id",
                        3L,
                        "receivable",
                        BigDecimal.ZERO,
                        "receivable_today",
                        BigDecimal.ZERO)))
        .on("model.company.company.read", p -> List.of(row("id", 1L, "currency", 1L)));

    poller().drain(TrytonPoller.Stream.INVOICE);

    List<DocumentChanged> docs = facts.of(DocumentChanged.class, "3");
    assertThat(docs)
        .extracting(
            DocumentChanged::kind,
            DocumentChanged::documentRef,
            DocumentChanged::state,
            DocumentChanged::crmRef)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DocumentKind.INVOICE, "11", "posted", command),
            // Seen paid at once: its posted state comes first, just before.
            org.assertj.core.groups.Tuple.tuple(DocumentKind.INVOICE, "12", "posted", command),
            org.assertj.core.groups.Tuple.tuple(DocumentKind.INVOICE, "12", "paid", command),
            org.assertj.core.groups.Tuple.tuple(DocumentKind.INVOICE, "13", "posted", null));
    assertThat(docs.get(1).changedAt()).isBefore(docs.get(2).changedAt());
    assertThat(docs.get(2).amount()).isEqualByComparingTo("50");
    assertThat(docs.get(2).currency()).isEqualTo("EUR");
    // The invoice and payment facts keep their own message ids next to the documents'.
    assertThat(facts.of(InvoicePosted.class, "3")).hasSize(3);
    assertThat(facts.of(PaymentReceived.class, "3")).hasSize(1);
    assertThat(tryton.count("model.account.invoice.search_read")).isEqualTo(2);
    assertThat(tryton.count("model.sale.sale.read")).isEqualTo(1);
  }

  @Test
  void customerShipmentsCarryTheKeyOfTheirSaleWithOneSearchPerBatch() {
    linked("3");
    String command = UUID.randomUUID().toString();
    List<Map<String, Object>> shipments =
        List.of(
            row("id", 21L, "customer", 3L, "number", "S-21", "state", "packed", "write_date", T),
            row(
                "id",
                22L,
                "customer",
                3L,
                "number",
                "S-22",
                "state",
                "done",
                "write_date",
                T.plusSeconds(1)),
            row(
                "id",
                23L,
                "customer",
                4L,
                "number",
                "S-23",
                "state",
                "done",
                "write_date",
                T.plusSeconds(2)));
    List<JsonNode> saleSearches = new java.util.ArrayList<>();
    tryton
        .on("model.stock.shipment.out.search_read", p -> written(p, shipments))
        .on(
            "model.sale.sale.search_read",
            p -> {
              saleSearches.add(p.get(0));
              return List.of(
                  row(
                      "id",
                      7L,
                      "shipments",
                      List.of(21L, 22L),
                      "comment",
                      TrytonErp.KEY_PREFIX + command));
            });

    poller().drain(TrytonPoller.Stream.SHIPMENT);

    assertThat(facts.of(DocumentChanged.class, "3"))
        .extracting(DocumentChanged::documentRef, DocumentChanged::state, DocumentChanged::crmRef)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("21", "packed", command),
            org.assertj.core.groups.Tuple.tuple("22", "done", command));
    assertThat(facts.of(DocumentChanged.class, "3"))
        .allMatch(d -> d.kind() == DocumentKind.SHIPMENT && d.amount() == null);
    // Shipment 23's customer is no CRM account: nothing applied, the watermark still moves.
    assertThat(facts.watermark(TrytonErp.SYSTEM, "shipment").lastId()).isEqualTo(23L);
    assertThat(saleSearches).singleElement().asString().contains("[21,22,23]");
  }
}
