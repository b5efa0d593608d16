package org.loopcrm.crm.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the one way a product bundle may wire JMS to Artemis with this library: through Camel's
 * own API, naming the connection factory by class, so the product bundle imports neither
 * jakarta.jms nor Artemis nor Spring. The class is resolved by the context's class resolver, which
 * in OSGi loads from this library bundle.
 */
class JmsComponentByClassNameTest {

  private EmbeddedActiveMQ broker;
  private CamelContext context;
  private String brokerUrl;

  @BeforeEach
  void startBroker() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    brokerUrl = "tcp://127.0.0.1:" + port;
    ConfigurationImpl config = new ConfigurationImpl();
    config.setPersistenceEnabled(false);
    config.setSecurityEnabled(false);
    config.setJournalDirectory("target/artemis-journal");
    config.addAcceptorConfiguration("core", brokerUrl + "?protocols=CORE");
    broker = new EmbeddedActiveMQ();
    broker.setConfiguration(config);
    broker.start();
    context = new DefaultCamelContext();
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    broker.stop();
  }

  @Test
  void jmsComponentIsWiredToArtemisByClassName() throws Exception {
    Object connectionFactory = connectionFactory(brokerUrl, "crm", "secret");
    Component jms = context.getComponent("jms");
    introspection().setProperty(context, jms, "connectionFactory", connectionFactory);
    context.start();

    ProducerTemplate producer = context.createProducerTemplate();
    producer.sendBodyAndHeader("jms:queue:library.test", "hello", "CrmTest", "yes");
    ConsumerTemplate consumer = context.createConsumerTemplate();
    Exchange received = consumer.receive("jms:queue:library.test", 10_000);

    assertThat(connectionFactory.getClass().getName())
        .isEqualTo("org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory");
    assertThat(received).isNotNull();
    assertThat(received.getMessage().getBody(String.class)).isEqualTo("hello");
    assertThat(received.getMessage().getHeader("CrmTest")).isEqualTo("yes");
  }

  @Test
  void secretsAreSetVerbatimNotResolvedAsReferencesOrPlaceholders() throws Exception {
    Object connectionFactory = connectionFactory(brokerUrl, "crm", "#bean:x{{y}}");

    assertThat(connectionFactory.getClass().getMethod("getPassword").invoke(connectionFactory))
        .isEqualTo("#bean:x{{y}}");
  }

  /** What crm-routes does: create by class name, then set plain properties without resolution. */
  private Object connectionFactory(String url, String user, String password) throws Exception {
    Object factory =
        PropertyBindingSupport.resolveBean(
            context, "#class:org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory");
    introspection().setProperty(context, factory, "brokerURL", url);
    introspection().setProperty(context, factory, "user", user);
    introspection().setProperty(context, factory, "password", password);
    return factory;
  }

  private BeanIntrospection introspection() {
    return PluginHelper.getBeanIntrospection(context);
  }
}
