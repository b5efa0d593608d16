package org.loopcrm.crm.camel.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;

/**
 * Browses, counts and moves messages of queues with plain JMS, on the connection factory of a
 * CamelContext's {@code jms} component. Each call opens its own connection and closes it.
 *
 * <p>A move is one local JMS transaction per message: the message is received from the source queue
 * and a copy (body, properties, correlation id and type) sent to the target; both commit together,
 * so a crash leaves the message on exactly one of the two queues.
 */
public final class JmsQueues {
  private static final int PREVIEW = 200;
  private static final long RECEIVE_TIMEOUT_MS = 2_000;
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9:._-]{1,200}");

  private final ConnectionFactory factory;

  private JmsQueues(ConnectionFactory factory) {
    this.factory = factory;
  }

  /**
   * The queues of the context's {@code jms} component.
   *
   * @throws IllegalStateException if the component has no connection factory
   */
  public static JmsQueues of(CamelContext context) {
    JmsComponent jms = context.getComponent("jms", JmsComponent.class);
    ConnectionFactory factory = jms == null ? null : jms.getConnectionFactory();
    if (factory == null) {
      throw new IllegalStateException("the jms component has no connection factory");
    }
    return new JmsQueues(factory);
  }

  /** Whether {@code id} has the shape of a JMS message id this class accepts. */
  public static boolean isMessageId(String id) {
    return id != null && MESSAGE_ID.matcher(id).matches();
  }

  /** The first {@code limit} messages of a queue, oldest first; none if it does not exist. */
  public List<QueuedMessage> browse(String queue, int limit) {
    return inSession(
        queue,
        false,
        session -> {
          List<QueuedMessage> found = new ArrayList<>();
          try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            Enumeration<?> e = browser.getEnumeration();
            while (found.size() < limit && e.hasMoreElements()) {
              found.add(view((Message) e.nextElement()));
            }
          } catch (InvalidDestinationException missing) {
            return List.of();
          }
          return found;
        });
  }

  /** How many messages a queue holds, counted up to {@code cap}; 0 if it does not exist. */
  public long count(String queue, int cap) {
    return inSession(
        queue,
        false,
        session -> {
          long n = 0;
          try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            Enumeration<?> e = browser.getEnumeration();
            while (n < cap && e.hasMoreElements()) {
              e.nextElement();
              n++;
            }
          } catch (InvalidDestinationException missing) {
            return 0L;
          }
          return n;
        });
  }

  /**
   * Moves one message to the queue {@code target} names for it.
   *
   * @param target where the message goes; null refuses the move (the message stays)
   * @param drop properties not copied (the broker's own {@code _AMQ*} ones never are)
   * @return the target it went to, or null if the queue holds no message with that id
   * @throws IllegalArgumentException if the id is malformed or the target refuses the message
   */
  public String move(
      String queue, String messageId, Function<QueuedMessage, String> target, Set<String> drop) {
    if (!isMessageId(messageId)) {
      throw new IllegalArgumentException("not a message id: " + messageId);
    }
    return inSession(
        queue,
        true,
        session -> {
          try (MessageConsumer consumer =
              session.createConsumer(
                  session.createQueue(queue), "JMSMessageID = '" + messageId + "'")) {
            Message m = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (m == null) {
              session.rollback();
              return null;
            }
            return send(session, m, target, drop);
          } catch (InvalidDestinationException missing) {
            return null;
          }
        });
  }

  /**
   * Moves the messages a queue holds now, at most {@code max}, oldest first; a message sent to the
   * queue after the call began (one that failed again) stays.
   *
   * @return the moved messages' ids
   * @throws IllegalArgumentException if a message has no target (those before it are moved)
   */
  public List<String> moveAll(
      String queue, int max, Function<QueuedMessage, String> target, Set<String> drop) {
    long started = System.currentTimeMillis();
    return inSession(
        queue,
        true,
        session -> {
          List<String> moved = new ArrayList<>();
          try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            while (moved.size() < max) {
              Message m = consumer.receive(moved.isEmpty() ? RECEIVE_TIMEOUT_MS : 200);
              if (m == null || m.getJMSTimestamp() > started) {
                session.rollback();
                break;
              }
              String id = m.getJMSMessageID();
              send(session, m, target, drop);
              moved.add(id);
            }
          } catch (InvalidDestinationException missing) {
            return List.of();
          }
          return moved;
        });
  }

  /** Sends a copy of {@code m} to its target and commits; rolls back if there is none. */
  private static String send(
      Session session, Message m, Function<QueuedMessage, String> target, Set<String> drop)
      throws JMSException {
    QueuedMessage view = view(m);
    String to = target.apply(view);
    if (to == null || to.isBlank()) {
      session.rollback();
      throw new IllegalArgumentException(
          "message " + view.messageId() + " does not say which queue it came from");
    }
    Message copy = copy(session, m);
    for (Map.Entry<String, Object> p : view.properties().entrySet()) {
      // Broker-internal properties (_AMQ_ORIG_* of a message the broker dead-lettered) stay behind.
      if (!drop.contains(p.getKey()) && !p.getKey().startsWith("_AMQ")) {
        copy.setObjectProperty(p.getKey(), p.getValue());
      }
    }
    copy.setJMSCorrelationID(m.getJMSCorrelationID());
    copy.setJMSType(m.getJMSType());
    try (MessageProducer producer = session.createProducer(session.createQueue(to))) {
      producer.send(copy);
    }
    session.commit();
    return to;
  }

  private static Message copy(Session session, Message m) throws JMSException {
    if (m instanceof TextMessage text) {
      return session.createTextMessage(text.getText());
    }
    if (m instanceof BytesMessage bytes) {
      byte[] body = new byte[(int) bytes.getBodyLength()];
      bytes.readBytes(body);
      BytesMessage copy = session.createBytesMessage();
      copy.writeBytes(body);
      return copy;
    }
    throw new IllegalArgumentException(
        "message " + m.getJMSMessageID() + " is neither text nor bytes; move it with a JMS client");
  }

  private static QueuedMessage view(Message m) throws JMSException {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Object name : Collections.list(m.getPropertyNames())) {
      String key = name.toString();
      // Broker-internal and JMS-defined properties are not the message's own.
      if (key.startsWith("JMSX") || (key.startsWith("_AMQ") && !key.startsWith("_AMQ_ORIG"))) {
        continue;
      }
      Object value = m.getObjectProperty(key);
      if (value != null) {
        properties.put(key, value instanceof byte[] || value instanceof char[] ? "" : value);
      }
    }
    int deliveries =
        m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : 0;
    long ts = m.getJMSTimestamp();
    return new QueuedMessage(
        m.getJMSMessageID(),
        m.getJMSCorrelationID(),
        ts == 0 ? null : Instant.ofEpochMilli(ts),
        deliveries,
        properties,
        preview(m));
  }

  private static String preview(Message m) throws JMSException {
    if (m instanceof TextMessage text) {
      String body = text.getText();
      if (body == null) {
        return "";
      }
      return body.length() <= PREVIEW ? body : body.substring(0, PREVIEW) + "...";
    }
    if (m instanceof BytesMessage bytes) {
      long length = bytes.getBodyLength();
      byte[] head = new byte[(int) Math.min(PREVIEW, length)];
      bytes.readBytes(head);
      bytes.reset();
      return new String(head, StandardCharsets.UTF_8)
          + (length > PREVIEW ? "... (" + length + " bytes)" : "");
    }
    return "(" + m.getClass().getSimpleName() + ")";
  }

  private <T> T inSession(String queue, boolean transacted, JmsWork<T> work) {
    if (queue == null || queue.isBlank()) {
      throw new IllegalArgumentException("no queue given");
    }
    try (Connection connection = factory.createConnection()) {
      connection.start();
      try (Session session =
          connection.createSession(
              transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
        return work.run(session);
      }
    } catch (JMSException e) {
      throw new JmsQueueException("queue " + queue + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface JmsWork<T> {
    T run(Session session) throws JMSException;
  }
}
