package org.loopcrm.crm.erp.tryton.internal;

import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.port.CatalogPort;
import org.loopcrm.crm.api.erp.port.CustomerMasterPort;
import org.loopcrm.crm.api.erp.port.ErpPort;
import org.loopcrm.crm.api.erp.port.FinancePort;
import org.loopcrm.crm.api.erp.port.InventoryPort;
import org.loopcrm.crm.api.erp.port.ManufacturingPort;
import org.loopcrm.crm.api.erp.port.ProjectPort;
import org.loopcrm.crm.api.erp.port.SalesPort;
import org.loopcrm.crm.api.party.PartyService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tryton connector: present only when PID {@code crm.erp.tryton} is configured. It registers
 * one object as all six ERP ports, with {@code crm.erp.system=tryton}, and its routes as a {@link
 * RoutesBuilder} the CRM's CamelContext picks up; a configuration change re-creates both (a new
 * login with the new settings).
 */
@Component(
    service = {},
    configurationPid = "crm.erp.tryton",
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true)
@Designate(ocd = TrytonConfiguration.class)
public final class TrytonConnector {
  private static final Logger LOG = LoggerFactory.getLogger(TrytonConnector.class);

  private final CamelHttpTransport transport;
  private final TrytonRpc rpc;
  private final ServiceRegistration<?> registration;
  private final ServiceRegistration<RoutesBuilder> routes;

  /** Wired by DS once the CamelContext is there. */
  @Activate
  public TrytonConnector(
      @Reference CamelContext camel,
      @Reference ErpFactService facts,
      @Reference AccountService accounts,
      @Reference PartyService parties,
      @Reference ErpCommandService commands,
      TrytonConfiguration config,
      BundleContext bundle) {
    TrytonSettings settings = TrytonSettings.from(config, System::getenv);
    this.transport = new CamelHttpTransport(camel, settings);
    this.rpc = new TrytonRpc(transport, settings.user(), settings.password());
    TrytonModels models = new TrytonModels(rpc);
    TrytonErp erp = new TrytonErp(models, settings.warehouse(), Clock.systemUTC());
    Dictionary<String, Object> props = new Hashtable<>();
    props.put(ErpPort.ERP_SYSTEM, TrytonErp.SYSTEM);
    this.registration =
        bundle.registerService(
            new String[] {
              CustomerMasterPort.class.getName(),
              FinancePort.class.getName(),
              InventoryPort.class.getName(),
              CatalogPort.class.getName(),
              SalesPort.class.getName(),
              ManufacturingPort.class.getName(),
              ProjectPort.class.getName()
            },
            erp,
            props);
    TrytonPoller poller =
        new TrytonPoller(models, erp, facts, settings.pollBatchSize(), Clock.systemUTC());
    CustomerPush push = new CustomerPush(accounts, parties, erp, facts);
    this.routes =
        bundle.registerService(
            RoutesBuilder.class,
            new TrytonRoutes(
                push,
                new CommandExecutor(commands, push, erp, erp, erp, Clock.systemUTC()),
                poller,
                settings.pollIntervalMs()),
            null);
    LOG.info("Tryton connector ready: {}", settings);
  }

  @Deactivate
  void deactivate() throws Exception {
    routes.unregister();
    registration.unregister();
    rpc.logout();
    transport.close();
  }
}
