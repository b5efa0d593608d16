package org.loopcrm.crm.routes.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.loopcrm.crm.routes.internal.ops.CorrelationRoutePolicyFactory;
import org.loopcrm.crm.routes.internal.ops.RouteStatistics;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the CRM's one CamelContext, named {@code crm}, and registers it as a {@link CamelContext}
 * service. Routes come from {@link RoutesBuilder} services: each one is added when it appears, and
 * the routes it added are removed when it goes. A configuration change rebuilds the context.
 *
 * <p>The {@code jms} component talks to Artemis through a connection factory that is created by
 * class name with Camel's own API, so this bundle imports neither jakarta.jms nor Artemis: the
 * crm-camel library, which embeds both, loads the class.
 */
@Component(
    name = CrmCamelRuntime.PID,
    configurationPid = CrmCamelRuntime.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    immediate = true,
    service = {})
@Designate(ocd = CrmCamelRuntimeConfiguration.class)
public final class CrmCamelRuntime {
  /** The configuration PID and the component's name. */
  public static final String PID = "crm.routes";

  /** The context's name, also its service property {@code camel.context.name}. */
  public static final String CONTEXT_NAME = "crm";

  static final String CONNECTION_FACTORY_CLASS =
      "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";
  static final String CACHING_CONNECTION_FACTORY_CLASS =
      "org.springframework.jms.connection.CachingConnectionFactory";

  private static final Logger LOG = LoggerFactory.getLogger(CrmCamelRuntime.class);

  private final Object lock = new Object();
  private final Map<Object, Added> builders = new LinkedHashMap<>();
  private final BuilderClassResolver classResolver = new BuilderClassResolver();
  private final DefaultCamelContext context;
  private final JmsFactories jmsFactories;
  private final RouteStatistics statistics = new RouteStatistics();
  private final Runnable unpublish;
  private boolean closed;

  /** Started by DS with the {@code crm.routes} configuration (or its defaults). */
  @Activate
  public CrmCamelRuntime(BundleContext bundleContext, CrmCamelRuntimeConfiguration config)
      throws Exception {
    this(
        RuntimeSettings.from(config, System::getenv),
        ctx -> {
          ServiceRegistration<CamelContext> registration =
              bundleContext.registerService(
                  CamelContext.class,
                  ctx,
                  new Hashtable<>(Map.of("camel.context.name", CONTEXT_NAME)));
          return registration::unregister;
        });
  }

  /**
   * Builds and starts the context.
   *
   * @param publish makes the started context available and returns how to withdraw it
   */
  CrmCamelRuntime(RuntimeSettings settings, Function<CamelContext, Runnable> publish)
      throws Exception {
    context = new DefaultCamelContext(false);
    context.getCamelContextExtension().setName(CONTEXT_NAME);
    // The library's class loader, whatever the thread's context class loader is during activation.
    context.setApplicationContextClassLoader(DefaultCamelContext.class.getClassLoader());
    context.setClassResolver(classResolver);
    context.getPropertiesComponent().setInitialProperties(settings.routeProperties());
    context.getShutdownStrategy().setTimeout(10);
    jmsFactories = configureJms(context, settings);
    // Before start: Camel switches exchange events off for good when no notifier is there then.
    context.getManagementStrategy().addEventNotifier(statistics);
    // One correlation id per exchange, in a header, an exchange property and the MDC. Not Camel's
    // own MDC logging: in Camel 4.22 it is deprecated (for camel-mdc, not embedded) and turns
    // tracing on.
    context.addRoutePolicyFactory(new CorrelationRoutePolicyFactory());
    context.start();
    LOG.info("Camel context '{}' started with {}", CONTEXT_NAME, settings);
    unpublish = publish.apply(context);
  }

  /** The context; for tests and diagnostics. */
  CamelContext context() {
    return context;
  }

  @Deactivate
  void deactivate() {
    synchronized (lock) {
      closed = true;
      builders.clear();
    }
    unpublish.run();
    try {
      context.close();
    } catch (Exception e) {
      LOG.warn("Camel context '{}' did not stop cleanly", CONTEXT_NAME, e);
    }
    jmsFactories.close();
    LOG.info("Camel context '{}' stopped", CONTEXT_NAME);
  }

  @Reference(
      service = RoutesBuilder.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindRoutesBuilder(ComponentServiceObjects<RoutesBuilder> objects) {
    // Prototype-scoped builders give a fresh instance to each context; a RouteBuilder configures
    // once.
    RoutesBuilder builder = objects.getService();
    if (!addBuilder(objects, builder)) {
      objects.ungetService(builder);
    }
  }

  void unbindRoutesBuilder(ComponentServiceObjects<RoutesBuilder> objects) {
    RoutesBuilder builder = removeBuilder(objects);
    if (builder != null) {
      try {
        objects.ungetService(builder);
      } catch (IllegalStateException | IllegalArgumentException e) {
        LOG.debug("Builder service already gone", e);
      }
    }
  }

  /**
   * Adds the builder's routes and remembers their ids under {@code key}.
   *
   * @return whether the builder was taken (false if its routes could not be added)
   */
  boolean addBuilder(Object key, RoutesBuilder builder) {
    synchronized (lock) {
      if (closed || builders.containsKey(key)) {
        return false;
      }
      ClassLoader loader = builder.getClass().getClassLoader();
      classResolver.addBuilderLoader(loader);
      Set<String> before = routeIds();
      try {
        context.addRoutes(builder);
      } catch (Exception e) {
        LOG.error("Routes of {} could not be added; its other routes are removed too", builder, e);
        Set<String> partial = routeIds();
        partial.removeAll(before);
        removeRoutes(new ArrayList<>(partial));
        classResolver.removeBuilderLoader(loader);
        return false;
      }
      Set<String> added = routeIds();
      added.removeAll(before);
      builders.put(key, new Added(builder, List.copyOf(added)));
      LOG.info("Added routes {} of {}", added, builder.getClass().getName());
      return true;
    }
  }

  /** Removes the routes the builder added under {@code key}; returns the builder, if known. */
  RoutesBuilder removeBuilder(Object key) {
    synchronized (lock) {
      Added added = builders.remove(key);
      if (added == null) {
        return null;
      }
      if (!closed) {
        removeRoutes(added.routeIds());
        LOG.info("Removed routes {} of {}", added.routeIds(), added.builder().getClass().getName());
      }
      classResolver.removeBuilderLoader(added.builder().getClass().getClassLoader());
      return added.builder();
    }
  }

  private void removeRoutes(List<String> routeIds) {
    for (String id : routeIds) {
      try {
        context.getRouteController().stopRoute(id);
        context.removeRoute(id);
        statistics.forget(id);
      } catch (Exception e) {
        LOG.warn("Route {} could not be removed", id, e);
      }
    }
  }

  private Set<String> routeIds() {
    Set<String> ids = new HashSet<>();
    for (Route route : context.getRoutes()) {
      ids.add(route.getRouteId());
    }
    return ids;
  }

  /**
   * Wires the {@code jms} component to Artemis. The factories are created by class name and their
   * properties set verbatim (no placeholder or {@code #bean:} resolution of the password).
   * Listeners use the plain factory (Spring's listener container caches its own connection);
   * producers use Spring's caching factory so a send does not open a connection.
   */
  private static JmsFactories configureJms(CamelContext context, RuntimeSettings settings)
      throws Exception {
    BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
    Object factory =
        PropertyBindingSupport.resolveBean(context, "#class:" + CONNECTION_FACTORY_CLASS);
    introspection.setProperty(context, factory, "brokerURL", settings.brokerUrl());
    if (!settings.brokerUser().isEmpty()) {
      introspection.setProperty(context, factory, "user", settings.brokerUser());
      introspection.setProperty(context, factory, "password", settings.brokerPassword());
    }
    Object caching =
        PropertyBindingSupport.resolveBean(context, "#class:" + CACHING_CONNECTION_FACTORY_CLASS);
    introspection.setProperty(context, caching, "targetConnectionFactory", factory);
    introspection.setProperty(context, caching, "sessionCacheSize", 4);

    Object jms = context.getComponent("jms", true);
    introspection.setProperty(context, jms, "connectionFactory", factory);
    introspection.setProperty(context, jms, "templateConnectionFactory", caching);
    // Transacted consumers keep their connection, session and consumer between messages. Without a
    // cache level Spring's listener container picks CACHE_NONE once Camel makes it a transaction
    // manager: a new connection, JAAS login and consumer for every message, each consumer taking a
    // window of the backlog that goes back to the queue when it closes.
    introspection.setProperty(context, jms, "cacheLevelName", "CACHE_CONSUMER");
    return new JmsFactories(factory, caching);
  }

  /** The connection factories outlive the component: close their shared connections ourselves. */
  private record JmsFactories(Object factory, Object caching) {
    void close() {
      try {
        // SingleConnectionFactory.destroy(): closes the cached connection.
        caching.getClass().getMethod("destroy").invoke(caching);
        if (factory instanceof AutoCloseable closeable) {
          closeable.close();
        }
      } catch (Exception e) {
        LOG.warn("JMS connection factories did not close cleanly", e);
      }
    }
  }

  private record Added(RoutesBuilder builder, List<String> routeIds) {}
}
