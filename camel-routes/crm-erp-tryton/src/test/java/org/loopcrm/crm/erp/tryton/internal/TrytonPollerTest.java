package org.loopcrm.crm.erp.tryton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.ReceivableBalance;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.api.erp.port.CustomerRecord;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.PostalAddress;
import org.loopcrm.crm.api.erp.port.ProductionCommand;
import org.loopcrm.crm.api.erp.port.ProjectCommand;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleCommand;
import org.loopcrm.crm.api.erp.port.SaleLine;

/** Tryton's changes reach the CRM as facts, once, in watermark order (real Tryton). */
@Tag("erp")
class TrytonPollerTest {
  private static TrytonTestServer tryton;
  private RecordingFacts facts;
  private TrytonPoller poller;

  @BeforeAll
  static void connect() {
    tryton = new TrytonTestServer();
  }

  @AfterAll
  static void close() throws Exception {
    tryton.close();
  }

  @BeforeEach
  void freshCrm() {
    facts = new RecordingFacts();
    // The poller leaves rows of the last two seconds for later; a clock ahead of Tryton's lets
    // the test see its own writes without waiting.
    Clock ahead = Clock.offset(Clock.systemUTC(), TrytonPoller.SETTLE.plusSeconds(1));
    poller = new TrytonPoller(tryton.models, tryton.erp, facts, 50, ahead);
  }

  private String linkedParty(String name) {
    UUID crmId = UUID.randomUUID();
    String ref =
        tryton.erp.upsertCustomer(
            new CustomerRecord(
                crmId,
                null,
                name,
                null,
                null,
                null,
                null,
                List.of(new PostalAddress("Ring 3", "80331", "Munich", null, true, true)),
                null));
    facts.recordPushed(TrytonErp.SYSTEM, crmId, ref, 1);
    return ref;
  }

  private void drainAll() {
    for (TrytonPoller.Stream s : TrytonPoller.Stream.values()) {
      poller.drain(s);
    }
  }

  @Test
  void aPartyChangedInTrytonArrivesOnceWithItsNewValues() {
    String ref = linkedParty("Party before " + UUID.randomUUID());
    drainAll();
    Watermark before = facts.watermark(TrytonErp.SYSTEM, "party");
    int seen = facts.of(PartyChanged.class, ref).size();

    tryton.models.write(
        "party.party", List.of(Long.parseLong(ref)), Map.of("name", "Renamed in Tryton"));
    drainAll();
    drainAll();

    List<PartyChanged> changes = facts.of(PartyChanged.class, ref);
    assertThat(changes).hasSize(seen + 1);
    PartyChanged last = changes.get(changes.size() - 1);
    assertThat(last.name()).isEqualTo("Renamed in Tryton");
    assertThat(last.crmId()).isNotNull();
    assertThat(last.addresses()).extracting(PostalAddress::city).containsExactly("Munich");
    assertThat(facts.watermark(TrytonErp.SYSTEM, "party")).isGreaterThan(before);
  }

  @Test
  void partiesNoAccountIsLinkedToMoveTheWatermarkAndNothingElse() {
    long stranger =
        tryton.models.create(
            "party.party", Map.of("name", "Not a CRM customer " + UUID.randomUUID()));
    tryton.models.write("party.party", List.of(stranger), Map.of("name", "Still not one"));

    drainAll();

    assertThat(facts.applied).noneMatch(f -> f.customerRef().equals(String.valueOf(stranger)));
    assertThat(facts.watermark(TrytonErp.SYSTEM, "party").lastId()).isPositive();
  }

  @Test
  void aConfirmedSaleAndItsPostedInvoiceBecomeDocumentInvoiceAndBalanceFacts() {
    String ref = linkedParty("Sale customer");
    String key = "q-" + UUID.randomUUID();
    DocumentRef sale =
        tryton.erp.placeSale(
            new SaleCommand(
                key,
                ref,
                null,
                null,
                List.of(new SaleLine("SERVICE", BigDecimal.ONE, new BigDecimal("80"), null)),
                true));
    TrytonFixture.postInvoicesOf(tryton.models, Long.parseLong(sale.id()));

    drainAll();

    List<DocumentChanged> docs = facts.of(DocumentChanged.class, ref);
    assertThat(docs)
        .filteredOn(d -> d.kind() == DocumentKind.SALE)
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.documentRef()).isEqualTo(sale.id());
              assertThat(d.crmRef()).isEqualTo(key);
              assertThat(d.currency()).isEqualTo("EUR");
            });
    assertThat(facts.of(InvoicePosted.class, ref))
        .singleElement()
        .satisfies(i -> assertThat(i.amount()).isEqualByComparingTo("80"));
    assertThat(facts.of(ReceivableBalance.class, ref))
        .last()
        .satisfies(b -> assertThat(b.receivable()).isEqualByComparingTo("80"));
  }

  @Test
  void productionsAndProjectsTheCrmMadeComeBackOnTheirCustomer() {
    String ref = linkedParty("Factory customer");
    DocumentRef production =
        tryton.erp.requestProduction(
            new ProductionCommand(
                "p-" + UUID.randomUUID(),
                "ASSEMBLY",
                BigDecimal.ONE,
                LocalDate.now(),
                List.of(),
                ref,
                null,
                null));
    DocumentRef project =
        tryton.erp.createProject(
            new ProjectCommand(
                "e-" + UUID.randomUUID(),
                ref,
                "Line 9",
                List.of(new ProjectTask("Design", BigDecimal.TEN)),
                null));
    tryton.erp.changeProduction(production.id(), BigDecimal.ZERO);

    drainAll();

    List<DocumentChanged> docs = facts.of(DocumentChanged.class, ref);
    assertThat(docs)
        .filteredOn(d -> d.kind() == DocumentKind.PRODUCTION)
        .extracting(DocumentChanged::state)
        .contains("cancelled");
    assertThat(docs)
        .filteredOn(d -> d.kind() == DocumentKind.PROJECT)
        .singleElement()
        .satisfies(d -> assertThat(d.documentRef()).isEqualTo(project.id()));
  }

  @Test
  void readingAgainFromAnEarlierWatermarkChangesNothingTwice() {
    String ref = linkedParty("Replayed customer");
    drainAll();
    int count = facts.applied.size();

    // What a rewind does: the poller reads everything again; message ids make it harmless.
    facts.watermarks.clear();
    drainAll();

    assertThat(facts.applied).hasSize(count);
    assertThat(facts.of(PartyChanged.class, ref)).hasSizeLessThanOrEqualTo(1);
  }
}
