package org.loopcrm.crm.bench.erp;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The JMS half of the bench, against the CRM's embedded broker: sends messages to a queue and
 * measures how fast they are consumed, either by the CRM's route (observed through REST) or by a
 * plain consumer that acknowledges as the route does (a transacted session, one commit per
 * message).
 */
final class JmsRates implements AutoCloseable {
  /** One timed pass: when the first message was sent, when the last was sent and consumed. */
  record Pass(int messages, long firstSendNanos, long lastSendNanos, long doneNanos) {
    double sendSeconds() {
      return (lastSendNanos - firstSendNanos) / 1e9;
    }

    double seconds() {
      return (doneNanos - firstSendNanos) / 1e9;
    }

    double perSecond() {
      return messages / seconds();
    }
  }

  private final ActiveMQConnectionFactory factory;
  private final Connection connection;
  private final int sendBatch;

  JmsRates(String url, String user, String password, int sendBatch) throws JMSException {
    this.factory = new ActiveMQConnectionFactory(url, user, password);
    this.connection = factory.createConnection();
    this.connection.start();
    this.sendBatch = sendBatch;
  }

  /**
   * Sends the bodies to {@code queue} (persistent, in transactions of {@code sendBatch} messages,
   * as an ERP exporting a batch would) and returns the first and last send times.
   */
  long[] send(String queue, List<String> bodies) throws JMSException {
    try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
      MessageProducer producer = session.createProducer(session.createQueue(queue));
      long first = System.nanoTime();
      for (int i = 0; i < bodies.size(); i++) {
        producer.send(session.createTextMessage(bodies.get(i)));
        if ((i + 1) % sendBatch == 0) {
          session.commit();
        }
      }
      session.commit();
      return new long[] {first, System.nanoTime()};
    }
  }

  /**
   * The broker's own pace: a plain consumer of a scratch queue, a transacted session committing
   * every message (what the CRM's route does), started before the first send.
   */
  Pass raw(String queue, List<String> bodies) throws Exception {
    CountDownLatch ready = new CountDownLatch(1);
    CompletableFuture<Long> consumed =
        CompletableFuture.supplyAsync(
            () -> {
              try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                  MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                ready.countDown();
                int n = 0;
                while (n < bodies.size()) {
                  Message m = consumer.receive(60_000);
                  if (m == null) {
                    throw new IllegalStateException(
                        "no message for 60 s after " + n + " of " + bodies.size());
                  }
                  m.getBody(String.class);
                  session.commit();
                  n++;
                }
                return System.nanoTime();
              } catch (JMSException e) {
                throw new IllegalStateException(e);
              }
            });
    if (!ready.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the raw consumer did not start");
    }
    long[] sent = send(queue, bodies);
    long done = consumed.get(10, TimeUnit.MINUTES);
    return new Pass(bodies.size(), sent[0], sent[1], done);
  }

  /**
   * The CRM's pace: sends the facts to its queue and polls {@code applied} until it has grown by
   * their number. Fails when it stops growing for {@code stallSeconds}.
   */
  Pass crm(
      String queue,
      List<String> facts,
      LongSupplier applied,
      long observeMillis,
      long stallSeconds,
      String deadLetterQueue)
      throws Exception {
    long base = applied.getAsLong();
    long target = base + facts.size();
    long[] sent = send(queue, facts);
    long last = base;
    long lastMoved = System.nanoTime();
    while (true) {
      long now = applied.getAsLong();
      long at = System.nanoTime();
      if (now >= target) {
        return new Pass(facts.size(), sent[0], sent[1], at);
      }
      if (now != last) {
        last = now;
        lastMoved = at;
      } else if (at - lastMoved > TimeUnit.SECONDS.toNanos(stallSeconds)) {
        throw new IllegalStateException(
            "the CRM applied "
                + (now - base)
                + " of "
                + facts.size()
                + " facts and then nothing for "
                + stallSeconds
                + " s; "
                + depth(deadLetterQueue)
                + " messages in "
                + deadLetterQueue);
      }
      Thread.sleep(observeMillis);
    }
  }

  /** How many messages a queue holds, by browsing it. */
  int depth(String queue) throws JMSException {
    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
      int n = 0;
      for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
        n++;
      }
      return n;
    }
  }

  @Override
  public void close() throws JMSException {
    connection.close();
    factory.close();
  }
}
