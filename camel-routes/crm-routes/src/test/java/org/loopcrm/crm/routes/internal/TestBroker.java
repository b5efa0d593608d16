package org.loopcrm.crm.routes.internal;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * A real Artemis broker on a free port, CORE protocol only, with one user. Messages whose {@code
 * CrmEventId} property is {@linkplain #reject rejected} are refused by the broker, as a full or
 * failing broker would refuse them.
 */
public final class TestBroker implements AutoCloseable {
  public static final String USER = "crm";
  public static final String PASSWORD = "s3cret,#bean:{{not-a-placeholder}}";

  private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
  private final Set<String> rejectedEventIds = ConcurrentHashMap.newKeySet();
  private final List<Connection> clients = new CopyOnWriteArrayList<>();
  private final String url;

  public TestBroker() throws Exception {
    url = "tcp://127.0.0.1:" + freePort();
    ConfigurationImpl config = new ConfigurationImpl();
    config.setPersistenceEnabled(false);
    config.setSecurityEnabled(true);
    config.setJournalDirectory("target/artemis/journal");
    config.setBindingsDirectory("target/artemis/bindings");
    config.setLargeMessagesDirectory("target/artemis/large");
    config.setPagingDirectory("target/artemis/paging");
    config.addAcceptorConfiguration("core", url + "?protocols=CORE");
    config.registerBrokerPlugin(
        new ActiveMQServerMessagePlugin() {
          @Override
          public void beforeSend(
              ServerSession session,
              Transaction tx,
              org.apache.activemq.artemis.api.core.Message message,
              boolean direct,
              boolean noAutoCreateQueue)
              throws ActiveMQException {
            Object id = message.getObjectProperty("CrmEventId");
            if (id != null && rejectedEventIds.contains(id.toString())) {
              throw new ActiveMQException(
                  ActiveMQExceptionType.ADDRESS_FULL, "test broker rejects event " + id);
            }
          }
        });
    server.setConfiguration(config);
    server.setSecurityManager(new OneUser());
    server.start();
  }

  public String url() {
    return url;
  }

  /** Refuse (or, with {@link #accept}, accept again) messages with this {@code CrmEventId}. */
  public void reject(String eventId) {
    rejectedEventIds.add(eventId);
  }

  public void accept(String eventId) {
    rejectedEventIds.remove(eventId);
  }

  /** Subscribes to a topic now; messages published from here on land in the returned queue. */
  public BlockingQueue<Message> subscribe(String topic) throws JMSException {
    BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    Session session = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageConsumer consumer = session.createConsumer(session.createTopic(topic));
    consumer.setMessageListener(received::add);
    return received;
  }

  /** Takes one message from a queue, or null after the timeout. */
  public Message receive(String queue, long timeoutMillis) throws JMSException {
    Session session = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
    try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
      return consumer.receive(timeoutMillis);
    } finally {
      session.close();
    }
  }

  /** Sends a text message to a queue, as the ERP would. */
  public void send(String queue, String text) throws JMSException {
    try (Session session = connect().createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
    }
  }

  /** Publishes a text message with string properties to a topic, as the outbox relay does. */
  public void publish(String topic, String text, java.util.Map<String, String> properties)
      throws JMSException {
    try (Session session = connect().createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      Message message = session.createTextMessage(text);
      for (java.util.Map.Entry<String, String> p : properties.entrySet()) {
        message.setStringProperty(p.getKey(), p.getValue());
      }
      session.createProducer(session.createTopic(topic)).send(message);
    }
  }

  private Connection connect() throws JMSException {
    ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, USER, PASSWORD);
    Connection connection = factory.createConnection();
    connection.start();
    clients.add(connection);
    return connection;
  }

  @Override
  public void close() throws Exception {
    for (Connection c : clients) {
      c.close();
    }
    server.stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The broker's only user; every role check passes for it. */
  private static final class OneUser implements ActiveMQSecurityManager {
    @Override
    public boolean validateUser(String user, String password) {
      return USER.equals(user) && PASSWORD.equals(password);
    }

    @Override
    public boolean validateUserAndRole(
        String user, String password, Set<Role> roles, CheckType checkType) {
      return validateUser(user, password);
    }
  }
}
