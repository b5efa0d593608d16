package org.loopcrm.crm.core.internal.erp;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.erp.CreditCheck;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.api.erp.port.Availability;
import org.loopcrm.crm.api.erp.port.CatalogPort;
import org.loopcrm.crm.api.erp.port.CreditStatus;
import org.loopcrm.crm.api.erp.port.ErpPort;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.erp.port.FinancePort;
import org.loopcrm.crm.api.erp.port.InventoryPort;
import org.loopcrm.crm.api.erp.port.Product;
import org.loopcrm.crm.core.internal.security.Permissions;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Asks the connected ERP's inventory and finance ports, after checking the caller. Ports come and
 * go with their connectors; with none connected the answer is "ERP unavailable", never a guess.
 */
@Component(service = ErpLiveService.class)
public final class ErpLive implements ErpLiveService {
  private final AccountService accounts;
  private final Clock clock;
  private final List<InventoryPort> inventories = new CopyOnWriteArrayList<>();
  private final List<FinancePort> finances = new CopyOnWriteArrayList<>();
  private final List<CatalogPort> catalogs = new CopyOnWriteArrayList<>();

  /** Wired by DS. */
  @Activate
  public ErpLive(@Reference AccountService accounts) {
    this(accounts, Clock.systemUTC());
  }

  ErpLive(AccountService accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @Reference(
      service = InventoryPort.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addInventory(InventoryPort port, Map<String, Object> properties) {
    inventories.add(port);
  }

  void removeInventory(InventoryPort port) {
    inventories.remove(port);
  }

  @Reference(
      service = FinancePort.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addFinance(FinancePort port, Map<String, Object> properties) {
    finances.add(port);
  }

  void removeFinance(FinancePort port) {
    finances.remove(port);
  }

  @Reference(
      service = CatalogPort.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addCatalog(CatalogPort port, Map<String, Object> properties) {
    catalogs.add(port);
  }

  void removeCatalog(CatalogPort port) {
    catalogs.remove(port);
  }

  @Override
  public Product product(Actor actor, String erpSystem, String productCode) {
    Permissions.require(actor, Resource.ACCOUNT, Action.READ);
    if (productCode == null || productCode.isBlank()) {
      throw new ValidationException(List.of(new FieldError("product", "is required")));
    }
    return pick(catalogs, erpSystem, "catalogue").product(productCode.trim());
  }

  @Override
  public Availability availability(
      Actor actor,
      String erpSystem,
      String productCode,
      BigDecimal quantity,
      LocalDate date,
      String warehouse) {
    Permissions.require(actor, Resource.ACCOUNT, Action.READ);
    List<FieldError> errors = new ArrayList<>();
    if (productCode == null || productCode.isBlank()) {
      errors.add(new FieldError("product", "is required"));
    }
    if (quantity == null) {
      errors.add(new FieldError("quantity", "is required"));
    } else if (quantity.signum() <= 0) {
      errors.add(new FieldError("quantity", "must be positive"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    InventoryPort port = pick(inventories, erpSystem, "inventory");
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    return port.availability(productCode.trim(), quantity, day, blankToNull(warehouse));
  }

  @Override
  public CreditCheck creditCheck(Actor actor, String erpSystem, UUID accountId, BigDecimal amount) {
    if (!Permissions.seesFinance(actor)) {
      throw new AccessDeniedException("user " + actor.user() + " may not see finance facts");
    }
    if (amount != null && amount.signum() < 0) {
      throw new ValidationException(List.of(new FieldError("amount", "must not be negative")));
    }
    Account account = accounts.get(actor, accountId);
    if (account.erpRef() == null) {
      throw new ConflictException(
          "account " + accountId + " is not linked to an ERP: it has no ERP reference");
    }
    FinancePort port = pick(finances, erpSystem, "finance");
    CreditStatus status = port.creditStatus(account.erpRef());
    BigDecimal checked = amount == null ? BigDecimal.ZERO : amount;
    return new CreditCheck(accountId, port.system(), status, checked, status.allows(checked));
  }

  private static <P extends ErpPort> P pick(List<P> ports, String erpSystem, String what) {
    List<P> now = List.copyOf(ports);
    if (now.isEmpty()) {
      throw new ErpUnavailableException("no ERP connected has the " + what + " port", null);
    }
    if (erpSystem == null || erpSystem.isBlank()) {
      if (now.size() > 1) {
        throw new ValidationException(
            List.of(
                new FieldError(
                    "system",
                    "is required: several ERPs are connected ("
                        + String.join(", ", now.stream().map(ErpPort::system).toList())
                        + ")")));
      }
      return now.get(0);
    }
    return now.stream()
        .filter(p -> p.system().equals(erpSystem.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new ErpUnavailableException(
                    "no ERP named " + erpSystem.trim() + " is connected for " + what, null));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
