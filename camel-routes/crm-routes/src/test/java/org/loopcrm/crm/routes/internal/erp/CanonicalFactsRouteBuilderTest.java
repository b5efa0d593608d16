package org.loopcrm.crm.routes.internal.erp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.PaymentReceived;
import org.loopcrm.crm.api.erp.ReceivableBalance;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

class CanonicalFactsRouteBuilderTest {
  private static final String QUEUE = "crm.erp.facts";
  private static final String DLQ = "crm.erp.facts.DLQ";

  @TempDir Path drop;
  private TestBroker broker;
  private RuntimeHarness runtime;
  private final RecordingErpFacts erpFacts = new RecordingErpFacts();

  @BeforeEach
  void setUp() throws Exception {
    broker = new TestBroker();
    runtime = new RuntimeHarness(broker, drop);
    runtime.add(new CanonicalFactsRouteBuilder(erpFacts));
  }

  @AfterEach
  void tearDown() throws Exception {
    runtime.close();
    broker.close();
  }

  private static String payment(String id, String customer) {
    return "{\"type\":\"payment-received\",\"schemaVersion\":1,\"messageId\":\""
        + id
        + "\",\"erpSystem\":\"sap\",\"customerRef\":\""
        + customer
        + "\",\"paymentRef\":\"P-1\",\"invoiceNumber\":\"INV-9\",\"amount\":\"99.95\","
        + "\"currency\":\"EUR\",\"receivedAt\":\"2026-11-20T08:00:00Z\"}";
  }

  @Test
  void everyKindOfFactArrivesAsItsRecord() throws Exception {
    broker.send(QUEUE, payment("p-1", "C-1"));
    broker.send(
        QUEUE,
        "{\"type\":\"receivable-balance\",\"schemaVersion\":1,\"messageId\":\"b-1\",\"erpSystem\":"
            + "\"sap\",\"customerRef\":\"C-1\",\"receivable\":1200.5,\"overdue\":\"100\","
            + "\"creditLimit\":5000,\"currency\":\"EUR\",\"asOf\":\"2026-11-20T09:00:00Z\"}");
    broker.send(
        QUEUE,
        "{\"type\":\"document-changed\",\"schemaVersion\":1,\"messageId\":\"d-1\",\"erpSystem\":"
            + "\"sap\",\"customerRef\":\"C-1\",\"kind\":\"production\",\"documentRef\":\"MO-7\","
            + "\"state\":\"running\",\"changedAt\":\"2026-11-20T10:00:00Z\"}");
    broker.send(
        QUEUE,
        "{\"type\":\"party-changed\",\"schemaVersion\":1,\"messageId\":\"pc-1\",\"erpSystem\":"
            + "\"sap\",\"customerRef\":\"C-1\",\"name\":\"Acme AG\",\"email\":\"ap@acme.example\","
            + "\"addresses\":[{\"street\":\"Ring 1\",\"city\":\"Bonn\",\"country\":\"DE\","
            + "\"invoice\":true}],\"changedAt\":\"2026-11-20T11:00:00Z\"}");
    broker.send(
        QUEUE,
        "{\"type\":\"invoice-posted\",\"schemaVersion\":1,\"messageId\":\"i-1\",\"erpSystem\":"
            + "\"sap\",\"customerRef\":\"C-1\",\"invoiceNumber\":\"INV-9\",\"amount\":\"99.95\","
            + "\"currency\":\"EUR\",\"postedAt\":\"2026-11-19T08:00:00Z\"}");

    Poll.until("five facts", () -> erpFacts.facts.size() == 5);
    assertThat(erpFacts.facts.get(0))
        .isInstanceOfSatisfying(
            PaymentReceived.class,
            p -> {
              assertThat(p.amount()).isEqualByComparingTo("99.95");
              assertThat(p.invoiceNumber()).isEqualTo("INV-9");
              assertThat(p.receivedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
            });
    assertThat(erpFacts.facts.get(1))
        .isInstanceOfSatisfying(
            ReceivableBalance.class,
            b -> {
              assertThat(b.receivable()).isEqualByComparingTo("1200.5");
              assertThat(b.creditLimit()).isEqualByComparingTo("5000");
            });
    assertThat(erpFacts.facts.get(2))
        .isInstanceOfSatisfying(
            DocumentChanged.class, d -> assertThat(d.kind()).isEqualTo(DocumentKind.PRODUCTION));
    assertThat(erpFacts.facts.get(3))
        .isInstanceOfSatisfying(
            PartyChanged.class,
            p -> {
              assertThat(p.name()).isEqualTo("Acme AG");
              assertThat(p.addresses())
                  .singleElement()
                  .satisfies(a -> assertThat(a.invoice()).isTrue());
            });
    assertThat(erpFacts.facts.get(4)).isInstanceOf(InvoicePosted.class);
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  @Test
  void aFactDeliveredTwiceIsAppliedOnce() throws Exception {
    broker.send(QUEUE, payment("p-twice", "C-1"));
    broker.send(QUEUE, payment("p-twice", "C-1"));

    Poll.until("two deliveries", () -> erpFacts.outcomes.size() == 2);
    assertThat(erpFacts.outcomes).containsExactly(ApplyOutcome.APPLIED, ApplyOutcome.DUPLICATE);
  }

  @Test
  void badMessagesAreDeadLetteredWithEveryReason() throws Exception {
    broker.send(QUEUE, "{\"type\":\"shipment-sent\",\"schemaVersion\":1}");
    Message unknownType = broker.receive(DLQ, 10_000);
    assertThat(unknownType.getStringProperty(DeadLetterReason.HEADER))
        .startsWith("unknown message type shipment-sent");

    broker.send(
        QUEUE, payment("p-v2", "C-1").replace("\"schemaVersion\":1", "\"schemaVersion\":2"));
    assertThat(broker.receive(DLQ, 10_000).getStringProperty(DeadLetterReason.HEADER))
        .contains("unsupported schemaVersion 2");

    broker.send(
        QUEUE,
        payment("p-bad", "C-1")
            .replace("\"99.95\"", "\"-3\"")
            .replace("\"2026-11-20T08:00:00Z\"", "\"yesterday\""));
    String reason = broker.receive(DLQ, 10_000).getStringProperty(DeadLetterReason.HEADER);
    assertThat(reason).startsWith("invalid message: ").contains("receivedAt").contains("amount");

    broker.send(QUEUE, payment("p-who", "C-unknown"));
    assertThat(broker.receive(DLQ, 10_000).getStringProperty(DeadLetterReason.HEADER))
        .startsWith("unknown customer");
    assertThat(erpFacts.applied("p-bad")).isFalse();
  }

  @Test
  void aTransientFailureRollsBackAndTheBrokerDeliversAgain() throws Exception {
    erpFacts.transientFailures.set(2);

    broker.send(QUEUE, payment("p-retry", "C-1"));

    Poll.until("applied after two failures", () -> erpFacts.applied("p-retry"));
    assertThat(erpFacts.facts).hasSize(3);
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  @Test
  void aJsonFileOfFactsIsAppliedAndMovedToDone() throws Exception {
    Files.writeString(
        drop.resolve("batch.json.part"),
        "[" + payment("f-1", "C-1") + "," + payment("f-2", "C-1") + "]",
        StandardCharsets.UTF_8);
    Files.move(drop.resolve("batch.json.part"), drop.resolve("batch.json"));

    Poll.until("moved to done", () -> Files.exists(drop.resolve("done/batch.json")));
    assertThat(erpFacts.applied("f-1")).isTrue();
    assertThat(erpFacts.applied("f-2")).isTrue();
  }

  @Test
  void aCsvFileOfFactsIsAppliedRowByRow() throws Exception {
    Files.writeString(
        drop.resolve("payments.csv"),
        "type,schemaVersion,messageId,erpSystem,customerRef,paymentRef,invoiceNumber,amount,"
            + "currency,receivedAt\r\n"
            + "payment-received,1,c-1,legacy,C-1,P-1,,\"1,5\",EUR,2026-11-20T08:00:00Z\r\n"
            + "payment-received,1,c-2,legacy,C-1,P-2,INV-\"\"7\"\",10.00,EUR,2026-11-21T08:00:00Z\r\n",
        StandardCharsets.UTF_8);

    Poll.until(
        "moved",
        () ->
            Files.exists(drop.resolve("done/payments.csv"))
                || Files.exists(drop.resolve("error/payments.csv")));
    assertThat(Files.exists(drop.resolve("error/payments.csv"))).isTrue();
    assertThat(Files.readString(drop.resolve("error/payments.csv.reason.txt")))
        .contains("record 1")
        .contains("amount");
    assertThat(erpFacts.facts).isEmpty();

    Files.writeString(
        drop.resolve("payments2.csv"),
        "type,schemaVersion,messageId,erpSystem,customerRef,paymentRef,invoiceNumber,amount,"
            + "currency,receivedAt\n"
            + "payment-received,1,c-3,legacy,C-1,P-3,,1.5,EUR,2026-11-20T08:00:00Z\n"
            + "payment-received,1,c-4,legacy,C-1,P-4,\"INV, 7\",10.00,EUR,2026-11-21T08:00:00Z\n",
        StandardCharsets.UTF_8);
    Poll.until("applied", () -> Files.exists(drop.resolve("done/payments2.csv")));
    assertThat(erpFacts.facts)
        .extracting(f -> ((PaymentReceived) f).invoiceNumber())
        .containsExactly(null, "INV, 7");
  }

  @Test
  void aFileWithAnUnknownCustomerGoesToErrorWithItsReason() throws Exception {
    Files.writeString(
        drop.resolve("late.json"),
        "[" + payment("e-1", "C-1") + "," + payment("e-2", "C-nobody") + "]",
        StandardCharsets.UTF_8);

    Poll.until("moved to error", () -> Files.exists(drop.resolve("error/late.json")));
    assertThat(Files.readString(drop.resolve("error/late.json.reason.txt")))
        .contains("record 2 (1 before it applied)")
        .contains("C-nobody");
  }
}
