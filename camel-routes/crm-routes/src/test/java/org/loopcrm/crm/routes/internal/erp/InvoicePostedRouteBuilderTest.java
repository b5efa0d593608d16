package org.loopcrm.crm.routes.internal.erp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

class InvoicePostedRouteBuilderTest {
  private static final String QUEUE = "crm.erp.invoice-posted";
  private static final String DLQ = "crm.erp.invoice-posted.DLQ";

  private TestBroker broker;
  private RuntimeHarness runtime;
  private final RecordingErpFacts erpFacts = new RecordingErpFacts();

  @BeforeEach
  void setUp() throws Exception {
    broker = new TestBroker();
    runtime = new RuntimeHarness(broker, 1000, 10);
    runtime.add(new InvoicePostedRouteBuilder(erpFacts));
  }

  @AfterEach
  void tearDown() throws Exception {
    runtime.close();
    broker.close();
  }

  @Test
  void theSameMessageDeliveredTwiceReachesTheServiceTwiceWhichDedupesIt() throws Exception {
    String message = invoice("m-1", "C-1", "125.50", "EUR");

    broker.send(QUEUE, message);
    broker.send(QUEUE, message);

    Poll.until("two calls", () -> erpFacts.outcomes.size() == 2);
    assertThat(erpFacts.outcomes).containsExactly(ApplyOutcome.APPLIED, ApplyOutcome.DUPLICATE);
    assertThat(erpFacts.calls.get(0))
        .satisfies(
            fact -> {
              assertThat(fact.messageId()).isEqualTo("m-1");
              assertThat(fact.erpSystem()).isEqualTo("tryton");
              assertThat(fact.customerRef()).isEqualTo("C-1");
              assertThat(fact.invoiceNumber()).isEqualTo("INV-m-1");
              assertThat(fact.amount()).isEqualByComparingTo("125.50");
              assertThat(fact.currency()).isEqualTo("EUR");
              assertThat(fact.postedAt()).isEqualTo(Instant.parse("2026-01-31T10:15:30Z"));
            });
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  @Test
  void amountsAreExactDecimalsWhetherJsonNumbersOrStrings() throws Exception {
    broker.send(QUEUE, invoice("m-num", "C-1", "12345678901.1234", "EUR"));
    broker.send(QUEUE, invoice("m-str", "C-1", "\"0.10\"", "EUR"));

    Poll.until("both applied", () -> erpFacts.applied("m-num") && erpFacts.applied("m-str"));
    assertThat(erpFacts.calls.get(0).amount()).isEqualTo(new BigDecimal("12345678901.1234"));
    assertThat(erpFacts.calls.get(1).amount()).isEqualTo(new BigDecimal("0.10"));
  }

  @Test
  void malformedJsonGoesToTheDeadLetterQueueWithItsReasonAndOriginalBody() throws Exception {
    String body = "{\"schemaVersion\": 1, \"messageId\": ";
    broker.send(QUEUE, body);

    Message dead = broker.receive(DLQ, 10_000);

    assertDeadLetter(dead, body, "malformed JSON: ");
    assertNotRetried(0);
  }

  @Test
  void jsonThatIsNotAnObjectIsMalformed() throws Exception {
    broker.send(QUEUE, "[1, 2, 3]");

    assertDeadLetter(broker.receive(DLQ, 10_000), "[1, 2, 3]", "malformed JSON: ");
    assertNotRetried(0);
  }

  @Test
  void invalidFieldsGoToTheDeadLetterQueueNamingTheFields() throws Exception {
    String body = invoice("m-bad", "C-1", "\"12,50\"", "euro");
    broker.send(QUEUE, body);

    Message dead = broker.receive(DLQ, 10_000);

    assertDeadLetter(dead, body, "invalid message: ");
    assertThat(dead.getStringProperty("CrmDeadLetterReason")).contains("amount", "currency");
    assertNotRetried(0);
  }

  @Test
  void aMissingFieldIsInvalid() throws Exception {
    String body =
        "{\"schemaVersion\":1,\"messageId\":\"m-x\",\"erpSystem\":\"tryton\","
            + "\"invoiceNumber\":\"I\",\"amount\":1,\"currency\":\"EUR\","
            + "\"postedAt\":\"not a time\"}";
    broker.send(QUEUE, body);

    Message dead = broker.receive(DLQ, 10_000);

    assertDeadLetter(dead, body, "invalid message: ");
    assertThat(dead.getStringProperty("CrmDeadLetterReason")).contains("customerRef", "postedAt");
    assertNotRetried(0);
  }

  @Test
  void anUnsupportedSchemaVersionGoesToTheDeadLetterQueue() throws Exception {
    String body =
        invoice("m-v2", "C-1", "1", "EUR").replace("\"schemaVersion\":1", "\"schemaVersion\":2");
    broker.send(QUEUE, body);

    Message dead = broker.receive(DLQ, 10_000);

    assertDeadLetter(dead, body, "unsupported schemaVersion 2");
    assertNotRetried(0);
  }

  @Test
  void anUnknownCustomerGoesToTheDeadLetterQueueAndIsNotRetried() throws Exception {
    String body = invoice("m-unknown", "NOBODY", "10", "EUR");
    broker.send(QUEUE, body);

    Message dead = broker.receive(DLQ, 10_000);

    assertDeadLetter(dead, body, "unknown customer: ");
    assertThat(dead.getStringProperty("CrmDeadLetterReason")).contains("NOBODY");
    assertNotRetried(1);
  }

  @Test
  void aTransientServiceFailureIsRolledBackRedeliveredAndThenApplied() throws Exception {
    erpFacts.transientFailures.set(2);

    broker.send(QUEUE, invoice("m-retry", "C-1", "99.90", "EUR"));

    Poll.until("applied after redelivery", () -> erpFacts.applied("m-retry"));
    assertThat(erpFacts.calls).hasSize(3).allMatch(fact -> fact.messageId().equals("m-retry"));
    assertThat(erpFacts.outcomes).containsExactly(ApplyOutcome.APPLIED);
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  private static void assertDeadLetter(Message dead, String originalBody, String reasonPrefix)
      throws Exception {
    assertThat(dead).as("a message on the dead-letter queue").isNotNull();
    assertThat(((TextMessage) dead).getText()).isEqualTo(originalBody);
    assertThat(dead.getStringProperty("CrmDeadLetterReason")).startsWith(reasonPrefix);
  }

  /**
   * The rejected message was consumed: a later message is applied (one consumer, in order) and the
   * service saw the rejected one at most {@code expectedCalls} times.
   */
  private void assertNotRetried(int expectedCalls) throws Exception {
    broker.send(QUEUE, invoice("m-sentinel", "C-1", "1", "EUR"));
    Poll.until("the next message applied", () -> erpFacts.applied("m-sentinel"));
    assertThat(erpFacts.calls).hasSize(expectedCalls + 1);
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  private static String invoice(String id, String customer, String amount, String currency) {
    return "{\"schemaVersion\":1,\"messageId\":\""
        + id
        + "\",\"erpSystem\":\"tryton\",\"customerRef\":\""
        + customer
        + "\",\"invoiceNumber\":\"INV-"
        + id
        + "\",\"amount\":"
        + amount
        + ",\"currency\":\""
        + currency
        + "\",\"postedAt\":\"2026-01-31T10:15:30Z\"}";
  }
}
