package org.loopcrm.crm.core.internal.erp;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.api.erp.port.CatalogPort;
import org.loopcrm.crm.api.erp.port.Product;

/**
 * The ERP live service for tests of other packages, with a catalogue connected or not: the port
 * stands in for an ERP's answers, the service under it is the real one.
 */
public final class ErpLiveAccess {
  private final ErpLive live;
  private CatalogPort connected;

  public ErpLiveAccess(AccountService accounts, Clock clock) {
    this.live = new ErpLive(accounts, clock);
  }

  public ErpLiveService service() {
    return live;
  }

  /** Connects a catalogue that answers with {@code products}. */
  public void connect(Function<String, Product> products) {
    disconnect();
    connected =
        new CatalogPort() {
          @Override
          public String system() {
            return "test-erp";
          }

          @Override
          public Product product(String code) {
            return products.apply(code);
          }
        };
    live.addCatalog(connected, Map.of());
  }

  /** Connects an inventory and a finance port, as an ERP connector registers them. */
  public void connect(
      org.loopcrm.crm.api.erp.port.InventoryPort inventory,
      org.loopcrm.crm.api.erp.port.FinancePort finance) {
    live.addInventory(inventory, Map.of());
    live.addFinance(finance, Map.of());
  }

  /** Disconnects them again. */
  public void disconnect(
      org.loopcrm.crm.api.erp.port.InventoryPort inventory,
      org.loopcrm.crm.api.erp.port.FinancePort finance) {
    live.removeInventory(inventory);
    live.removeFinance(finance);
  }

  public void disconnect() {
    if (connected != null) {
      live.removeCatalog(connected);
      connected = null;
    }
  }
}
