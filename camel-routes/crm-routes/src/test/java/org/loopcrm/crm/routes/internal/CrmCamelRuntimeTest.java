package org.loopcrm.crm.routes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmCamelRuntimeTest {
  private TestBroker broker;
  private RuntimeHarness runtime;

  @BeforeEach
  void setUp() throws Exception {
    broker = new TestBroker();
    runtime = new RuntimeHarness(broker, 500, 100);
  }

  @AfterEach
  void tearDown() throws Exception {
    runtime.close();
    broker.close();
  }

  @Test
  void theContextIsNamedCrmAndCarriesTheEndpointsAsPlaceholders() {
    CamelContext context = runtime.context();

    assertThat(context.getName()).isEqualTo("crm");
    assertThat(context.resolvePropertyPlaceholders("{{crm.routes.eventsTopic}}"))
        .isEqualTo("crm.events");
    assertThat(context.resolvePropertyPlaceholders("{{crm.routes.deadLetterQueue}}"))
        .isEqualTo("crm.erp.invoice-posted.DLQ");
    assertThat(context.resolvePropertyPlaceholders("{{crm.routes.asyncPluginQueue}}"))
        .isEqualTo("crm.plugins.async");
    assertThat(context.resolvePropertyPlaceholders("{{crm.routes.asyncPluginDeadLetterQueue}}"))
        .isEqualTo("DLQ.crm.plugins.async");
    assertThat(context.resolvePropertyPlaceholders("{{crm.routes.asyncPluginMaximumRedeliveries}}"))
        .isEqualTo("5");
    assertThat(context.resolvePropertyPlaceholders("{{crm.routes.asyncPluginRedeliveryDelayMs}}"))
        .isEqualTo("1000");
  }

  @Test
  void transactedConsumersKeepTheirConnectionBetweenMessages() {
    JmsComponent jms = runtime.context().getComponent("jms", JmsComponent.class);
    assertThat(jms.getConfiguration().getCacheLevelName()).isEqualTo("CACHE_CONSUMER");
  }

  @Test
  void eachBuilderLosesExactlyTheRoutesItAdded() {
    RouteBuilder first = directRoutes("a", "b");
    RouteBuilder second = directRoutes("c");
    runtime.add(first);
    runtime.add(second);
    assertThat(routeIds()).containsExactlyInAnyOrder("a", "b", "c");

    runtime.remove(first);

    assertThat(routeIds()).containsExactly("c");
  }

  @Test
  void aBuilderWhoseRoutesFailLeavesNothingBehindAndOthersRun() {
    runtime.add(directRoutes("ok"));
    RouteBuilder broken =
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:fine").routeId("fine").log("fine");
            from("no-such-component:x").routeId("broken").log("never");
          }
        };

    assertThatThrownBy(() -> runtime.add(broken)).isInstanceOf(IllegalStateException.class);

    assertThat(routeIds()).containsExactly("ok");
  }

  @Test
  void theClassResolverAlsoTriesTheBuildersClassLoaders() {
    BuilderClassResolver resolver = new BuilderClassResolver();
    ClassLoader bundleLike =
        new ClassLoader(null) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.equals("com.example.routes.Hidden")) {
              return HiddenType.class;
            }
            throw new ClassNotFoundException(name);
          }
        };
    assertThat(resolver.resolveClass("com.example.routes.Hidden")).isNull();

    resolver.addBuilderLoader(bundleLike);
    assertThat(resolver.resolveClass("com.example.routes.Hidden")).isEqualTo(HiddenType.class);

    resolver.removeBuilderLoader(bundleLike);
    assertThat(resolver.resolveClass("com.example.routes.Hidden")).isNull();
  }

  @Test
  void thePasswordComesFromItsFileFirstThenTheEnvironmentAndIsNeverShown(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("broker.password");
    Files.writeString(file, "from-file\n");

    RuntimeSettings fromFile =
        RuntimeSettings.from(
            config(Map.of("brokerPasswordFile", file.toString())), name -> "from-env");
    RuntimeSettings fromEnv =
        RuntimeSettings.from(
            config(Map.of()), name -> name.equals("CRM_BROKER_PASSWORD") ? "from-env" : null);
    RuntimeSettings none = RuntimeSettings.from(config(Map.of()), name -> null);

    assertThat(fromFile.brokerPassword()).isEqualTo("from-file");
    assertThat(fromEnv.brokerPassword()).isEqualTo("from-env");
    assertThat(none.brokerPassword()).isEmpty();
    assertThat(fromFile.toString()).doesNotContain("from-file").contains("brokerPassword=(set)");
    assertThat(fromEnv.toString()).doesNotContain("from-env");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    RuntimeSettings defaults = RuntimeSettings.from(config(Map.of()), name -> null);

    assertThat(defaults.brokerUrl()).isEqualTo("tcp://127.0.0.1:61616");
    assertThat(defaults.outboxPollIntervalMs()).isEqualTo(500);
    assertThat(defaults.outboxBatchSize()).isEqualTo(100);
    assertThat(defaults.eventsTopic()).isEqualTo("crm.events");
    assertThat(defaults.inboundQueue()).isEqualTo("crm.erp.invoice-posted");
    assertThat(defaults.deadLetterQueue()).isEqualTo("crm.erp.invoice-posted.DLQ");
    assertThat(defaults.erasureQueue()).isEqualTo("crm.erp.erasure");
    assertThat(defaults.erasureDeadLetterQueue()).isEqualTo("crm.erp.erasure.DLQ");
    assertThat(defaults.asyncPluginQueue()).isEqualTo("crm.plugins.async");
    assertThat(defaults.asyncPluginDeadLetterQueue()).isEqualTo("DLQ.crm.plugins.async");
    assertThat(defaults.asyncPluginMaximumRedeliveries()).isEqualTo(5);
    assertThat(defaults.asyncPluginRedeliveryDelayMs()).isEqualTo(1000);
  }

  @Test
  void aNegativeRetryCountIsRejected() {
    assertThatThrownBy(
            () ->
                RuntimeSettings.from(
                    config(Map.of("asyncPluginMaximumRedeliveries", -1)), name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asyncPluginMaximumRedeliveries");
  }

  @Test
  void anUnreadablePasswordFileFailsWithoutShowingContent() {
    assertThatThrownBy(
            () ->
                RuntimeSettings.from(
                    config(Map.of("brokerPasswordFile", "/nonexistent/broker.password")),
                    name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/broker.password");
  }

  @Test
  void aZeroBatchSizeIsRejected() {
    assertThatThrownBy(
            () -> RuntimeSettings.from(config(Map.of("outboxBatchSize", 0)), name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outboxBatchSize");
  }

  private java.util.List<String> routeIds() {
    return runtime.context().getRoutes().stream().map(r -> r.getRouteId()).toList();
  }

  private static RouteBuilder directRoutes(String... ids) {
    return new RouteBuilder() {
      @Override
      public void configure() {
        for (String id : ids) {
          from("direct:" + id).routeId(id).log(id);
        }
      }
    };
  }

  /** The configuration DS would pass: the annotation's defaults, with some values overridden. */
  static CrmCamelRuntimeConfiguration config(Map<String, Object> values) {
    return (CrmCamelRuntimeConfiguration)
        Proxy.newProxyInstance(
            CrmCamelRuntimeConfiguration.class.getClassLoader(),
            new Class<?>[] {CrmCamelRuntimeConfiguration.class},
            (proxy, method, args) ->
                values.containsKey(method.getName())
                    ? values.get(method.getName())
                    : method.getDefaultValue());
  }

  /** Stands for a class only a route bundle's class loader can see. */
  static final class HiddenType {}
}
