package org.loopcrm.crm.erp.tryton.internal;

import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.clause;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.createChildren;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.decimal;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.id;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.port.Availability;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.CatalogPort;
import org.loopcrm.crm.api.erp.port.CreditStatus;
import org.loopcrm.crm.api.erp.port.CustomerRecord;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.FinancePort;
import org.loopcrm.crm.api.erp.port.InventoryPort;
import org.loopcrm.crm.api.erp.port.ManufacturingPort;
import org.loopcrm.crm.api.erp.port.PostalAddress;
import org.loopcrm.crm.api.erp.port.Product;
import org.loopcrm.crm.api.erp.port.ProductionCommand;
import org.loopcrm.crm.api.erp.port.ProjectCommand;
import org.loopcrm.crm.api.erp.port.ProjectPort;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleCommand;
import org.loopcrm.crm.api.erp.port.SaleLine;
import org.loopcrm.crm.api.erp.port.SaleLineChange;
import org.loopcrm.crm.api.erp.port.SalesPort;

/**
 * The ERP ports against Tryton 6.0.
 *
 * <p>Idempotency: Tryton has no idempotency keys, so every command looks up before it creates. The
 * CRM's account id is kept on the party as an identifier {@code CRM:<uuid>}; a sale, production or
 * project carries its command's key in a field the CRM owns ({@code crm-key:<key>} in the sale's
 * and project's comment, {@link ProductionReference} in the production's reference). A retry after
 * a crash between "created in Tryton" and "recorded in the CRM" finds the document instead of
 * making a second one.
 */
final class TrytonErp
    implements CustomerWriter,
        FinancePort,
        InventoryPort,
        CatalogPort,
        SalesPort,
        ManufacturingPort,
        ProjectPort {
  static final String SYSTEM = "tryton";
  static final String CRM_ID_PREFIX = "CRM:";
  static final String KEY_PREFIX = "crm-key:";
  static final String PRODUCTION_PREFIX = "crm:";
  private static final java.util.Set<String> MOVE_FIELDS =
      java.util.Set.of(
          "product",
          "uom",
          "quantity",
          "from_location",
          "to_location",
          "company",
          "unit_price",
          "currency",
          "planned_date");

  /**
   * What a production made by the CRM carries in its reference: {@code crm:<party>:<key>}. Tryton's
   * production has no customer, so the party the CRM made it for travels here, and the poller can
   * put the production's states on that account's timeline.
   */
  record ProductionReference(String customerRef, String key) {
    String format() {
      return PRODUCTION_PREFIX + (customerRef == null ? "-" : customerRef) + ":" + key;
    }

    static ProductionReference parse(String reference) {
      if (reference == null || !reference.startsWith(PRODUCTION_PREFIX)) {
        return null;
      }
      String rest = reference.substring(PRODUCTION_PREFIX.length());
      int colon = rest.indexOf(':');
      if (colon < 0) {
        return null;
      }
      String party = rest.substring(0, colon);
      return new ProductionReference("-".equals(party) ? null : party, rest.substring(colon + 1));
    }
  }

  private final TrytonModels models;
  private final String defaultWarehouse;
  private final Clock clock;
  private final Map<String, Object> cache = new ConcurrentHashMap<>();

  TrytonErp(TrytonModels models, String defaultWarehouse, Clock clock) {
    this.models = models;
    this.defaultWarehouse = defaultWarehouse;
    this.clock = clock;
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  // ---- customer master ------------------------------------------------------------------------

  @Override
  public String upsertCustomer(CustomerRecord customer) {
    Optional<Long> existing = findParty(customer);
    if (existing.isEmpty()) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("name", customer.name());
      List<Map<String, Object>> identifiers = new ArrayList<>();
      if (customer.crmId() != null) {
        identifiers.add(Map.of("code", CRM_ID_PREFIX + customer.crmId()));
      }
      if (customer.taxId() != null) {
        identifiers.add(Map.of("code", customer.taxId()));
      }
      if (!identifiers.isEmpty()) {
        values.put("identifiers", createChildren(identifiers));
      }
      List<Map<String, Object>> mechanisms = new ArrayList<>();
      addMechanism(mechanisms, "email", customer.email());
      addMechanism(mechanisms, "phone", customer.phone());
      addMechanism(mechanisms, "website", customer.website());
      if (!mechanisms.isEmpty()) {
        values.put("contact_mechanisms", createChildren(mechanisms));
      }
      List<Map<String, Object>> addresses = new ArrayList<>();
      customer.addresses().forEach(a -> addresses.add(address(a)));
      if (addresses.isEmpty()) {
        // Tryton's own client gives every new party one empty address, and a sale needs one to
        // invoice and ship to: do the same, to be filled in Tryton or by the CRM later.
        addresses.add(Map.of());
      }
      values.put("addresses", createChildren(addresses));
      return String.valueOf(models.create("party.party", values));
    }
    long party = existing.get();
    Map<String, Object> current =
        models.readOne("party.party", party, "name", "identifiers", "contact_mechanisms");
    if (!customer.name().equals(current.get("name"))) {
      models.write("party.party", List.of(party), Map.of("name", customer.name()));
    }
    syncTaxId(party, ids(current.get("identifiers")), customer.taxId());
    List<Long> mechanismIds = ids(current.get("contact_mechanisms"));
    syncMechanism(party, mechanismIds, "email", customer.email());
    syncMechanism(party, mechanismIds, "phone", customer.phone());
    syncMechanism(party, mechanismIds, "website", customer.website());
    if (!customer.addresses().isEmpty()) {
      syncAddress(party, customer.addresses().get(0));
    }
    return String.valueOf(party);
  }

  @Override
  public String writeContactDetails(String erpRef, CustomerRecord customer) {
    long party = parseRef(erpRef, "party");
    List<Map<String, Object>> rows =
        models.read("party.party", List.of(party), "contact_mechanisms");
    if (rows.isEmpty()) {
      return upsertCustomer(customer);
    }
    List<Long> mechanismIds = ids(rows.get(0).get("contact_mechanisms"));
    syncMechanism(party, mechanismIds, "email", customer.email());
    syncMechanism(party, mechanismIds, "phone", customer.phone());
    syncMechanism(party, mechanismIds, "website", customer.website());
    if (!customer.addresses().isEmpty()) {
      syncAddress(party, customer.addresses().get(0));
    }
    return String.valueOf(party);
  }

  private Optional<Long> findParty(CustomerRecord customer) {
    if (customer.erpRef() != null) {
      long ref = parseRef(customer.erpRef(), "party");
      if (!models
          .searchRead("party.party", List.of(clause("id", "=", ref)), 0, 1, null, "id")
          .isEmpty()) {
        return Optional.of(ref);
      }
    }
    if (customer.crmId() == null) {
      return Optional.empty();
    }
    return models
        .first(
            "party.party",
            List.of(clause("identifiers.code", "=", CRM_ID_PREFIX + customer.crmId())),
            "id")
        .map(row -> id(row.get("id")));
  }

  private static void addMechanism(List<Map<String, Object>> into, String type, String value) {
    if (value != null && !value.isBlank()) {
      into.add(Map.of("type", type, "value", value));
    }
  }

  private Map<String, Object> address(PostalAddress a) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("street", a.street());
    values.put("postal_code", a.postalCode());
    values.put("city", a.city());
    Long country = a.country() == null ? null : country(a.country());
    if (country != null) {
      values.put("country", country);
    }
    values.put("invoice", a.invoice());
    values.put("delivery", a.delivery());
    return values;
  }

  private Long country(String code) {
    Object cached =
        cache.computeIfAbsent(
            "country:" + code,
            k ->
                models
                    .first("country.country", List.of(clause("code", "=", code)), "id")
                    .map(row -> (Object) id(row.get("id")))
                    .orElse(Boolean.FALSE));
    return cached instanceof Long l ? l : null;
  }

  private void syncTaxId(long party, List<Long> identifierIds, String taxId) {
    List<Map<String, Object>> identifiers =
        identifierIds.isEmpty()
            ? List.of()
            : models.read("party.identifier", identifierIds, "code");
    Optional<Map<String, Object>> tax =
        identifiers.stream()
            .filter(i -> !String.valueOf(i.get("code")).startsWith(CRM_ID_PREFIX))
            .findFirst();
    if (taxId == null) {
      return;
    }
    if (tax.isEmpty()) {
      models.write(
          "party.party",
          List.of(party),
          Map.of("identifiers", createChildren(List.of(Map.of("code", taxId)))));
    } else if (!taxId.equals(tax.get().get("code"))) {
      models.write("party.identifier", List.of(id(tax.get().get("id"))), Map.of("code", taxId));
    }
  }

  private void syncMechanism(long party, List<Long> mechanismIds, String type, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    List<Map<String, Object>> mechanisms =
        mechanismIds.isEmpty()
            ? List.of()
            : models.read("party.contact_mechanism", mechanismIds, "type", "value");
    Optional<Map<String, Object>> same =
        mechanisms.stream().filter(m -> type.equals(m.get("type"))).findFirst();
    if (same.isEmpty()) {
      models.write(
          "party.party",
          List.of(party),
          Map.of(
              "contact_mechanisms", createChildren(List.of(Map.of("type", type, "value", value)))));
    } else if (!value.equals(same.get().get("value"))) {
      models.write(
          "party.contact_mechanism", List.of(id(same.get().get("id"))), Map.of("value", value));
    }
  }

  private void syncAddress(long party, PostalAddress a) {
    Optional<Map<String, Object>> first =
        models.first("party.address", List.of(clause("party", "=", party)), "id");
    if (first.isEmpty()) {
      models.write(
          "party.party", List.of(party), Map.of("addresses", createChildren(List.of(address(a)))));
    } else {
      models.write("party.address", List.of(id(first.get().get("id"))), address(a));
    }
  }

  @Override
  public Optional<CustomerRecord> customer(String erpRef) {
    long party = parseRef(erpRef, "party");
    List<Map<String, Object>> rows =
        models.read(
            "party.party",
            List.of(party),
            "name",
            "identifiers",
            "contact_mechanisms",
            "addresses",
            "write_date",
            "create_date");
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(customerRecord(rows.get(0)));
  }

  /** Builds the record of a party row read with name, identifiers, mechanisms and addresses. */
  CustomerRecord customerRecord(Map<String, Object> row) {
    long party = id(row.get("id"));
    UUID crmId = null;
    String taxId = null;
    List<Long> identifierIds = ids(row.get("identifiers"));
    if (!identifierIds.isEmpty()) {
      for (Map<String, Object> i : models.read("party.identifier", identifierIds, "code")) {
        String code = text(i.get("code"));
        if (code == null) {
          continue;
        }
        if (code.startsWith(CRM_ID_PREFIX)) {
          try {
            crmId = UUID.fromString(code.substring(CRM_ID_PREFIX.length()));
          } catch (IllegalArgumentException e) {
            // Someone typed a CRM: identifier by hand; it names no account.
          }
        } else if (taxId == null) {
          taxId = code;
        }
      }
    }
    String email = null;
    String phone = null;
    String website = null;
    List<Long> mechanismIds = ids(row.get("contact_mechanisms"));
    if (!mechanismIds.isEmpty()) {
      for (Map<String, Object> m :
          models.read("party.contact_mechanism", mechanismIds, "type", "value")) {
        String value = text(m.get("value"));
        switch (String.valueOf(m.get("type"))) {
          case "email" -> email = email == null ? value : email;
          case "phone", "mobile" -> phone = phone == null ? value : phone;
          case "website" -> website = website == null ? value : website;
          default -> {}
        }
      }
    }
    List<PostalAddress> addresses = new ArrayList<>();
    List<Long> addressIds = ids(row.get("addresses"));
    if (!addressIds.isEmpty()) {
      for (Map<String, Object> a :
          models.read(
              "party.address",
              addressIds,
              "street",
              "postal_code",
              "city",
              "country",
              "invoice",
              "delivery")) {
        addresses.add(
            new PostalAddress(
                text(a.get("street")),
                text(a.get("postal_code")),
                text(a.get("city")),
                countryCode(id(a.get("country"))),
                Boolean.TRUE.equals(a.get("invoice")),
                Boolean.TRUE.equals(a.get("delivery"))));
      }
    }
    Instant changed =
        (Instant) (row.get("write_date") != null ? row.get("write_date") : row.get("create_date"));
    return new CustomerRecord(
        crmId,
        String.valueOf(party),
        text(row.get("name")),
        taxId,
        email,
        phone,
        website,
        addresses,
        changed);
  }

  private String countryCode(Long country) {
    if (country == null) {
      return null;
    }
    return text(models.readOne("country.country", country, "code").get("code"));
  }

  // ---- finance --------------------------------------------------------------------------------

  @Override
  public CreditStatus creditStatus(String erpRef) {
    long party = parseRef(erpRef, "party");
    boolean creditLimits = hasField("party.party", "credit_limit_amount");
    List<String> fields = new ArrayList<>(List.of("receivable", "receivable_today"));
    if (creditLimits) {
      fields.add("credit_limit_amount");
    }
    List<Map<String, Object>> rows =
        models.searchRead(
            "party.party",
            List.of(clause("id", "=", party)),
            0,
            1,
            null,
            fields.toArray(String[]::new));
    if (rows.isEmpty()) {
      throw new NotFoundException("Tryton party", erpRef);
    }
    Map<String, Object> row = rows.get(0);
    BigDecimal receivable = nonNull(decimal(row.get("receivable")));
    // receivable_today counts only what is due by today: the rest is not yet due.
    BigDecimal dueToday = nonNull(decimal(row.get("receivable_today")));
    return new CreditStatus(
        erpRef,
        receivable,
        dueToday,
        creditLimits ? decimal(row.get("credit_limit_amount")) : null,
        companyCurrency(),
        clock.instant());
  }

  private static BigDecimal nonNull(BigDecimal d) {
    return d == null ? BigDecimal.ZERO : d;
  }

  @SuppressWarnings("unchecked")
  boolean hasField(String model, String field) {
    return (Boolean)
        cache.computeIfAbsent(
            "field:" + model + "." + field,
            k -> {
              Map<String, Object> fields =
                  (Map<String, Object>) models.rpc().model(model, "fields_get", List.of(field));
              return fields.containsKey(field);
            });
  }

  /** The ISO code of the company's currency, which Tryton's amounts are in. */
  String companyCurrency() {
    return (String)
        cache.computeIfAbsent(
            "currency",
            k -> {
              Long company = id(models.rpc().context().get("company"));
              if (company == null) {
                throw new ErpRejectedException("the Tryton user has no company");
              }
              Long currency =
                  id(models.readOne("company.company", company, "currency").get("currency"));
              return text(models.readOne("currency.currency", currency, "code").get("code"));
            });
  }

  private Long companyCurrencyId() {
    return (Long)
        cache.computeIfAbsent(
            "currency-id",
            k ->
                id(
                    models
                        .readOne(
                            "company.company",
                            id(models.rpc().context().get("company")),
                            "currency")
                        .get("currency")));
  }

  // ---- catalogue ------------------------------------------------------------------------------

  @Override
  public Product product(String code) {
    Map<String, Object> row =
        models
            .first(
                "product.product",
                List.of(clause("code", "=", code)),
                "code",
                "name",
                "list_price",
                "sale_uom",
                "default_uom",
                "salable")
            .orElseThrow(() -> new NotFoundException("Tryton product", code));
    Long uom = id(row.get("sale_uom") != null ? row.get("sale_uom") : row.get("default_uom"));
    String unit =
        uom == null ? null : text(models.readOne("product.uom", uom, "symbol").get("symbol"));
    Object price = row.get("list_price");
    return new Product(
        code,
        text(row.get("name")),
        unit,
        price instanceof BigDecimal d ? d : null,
        price == null ? null : companyCurrency(),
        Boolean.TRUE.equals(row.get("salable")));
  }

  // ---- inventory ------------------------------------------------------------------------------

  @Override
  public Availability availability(
      String productCode, BigDecimal quantity, LocalDate date, String warehouse) {
    long product = productId(productCode);
    String warehouseCode = warehouse == null ? defaultWarehouse : warehouse;
    long location = warehouse(warehouseCode);
    Map<String, Object> now =
        readWithContext(
            "product.product",
            product,
            Map.of("locations", List.of(location)),
            "quantity",
            "default_uom");
    Map<String, Object> then =
        readWithContext(
            "product.product",
            product,
            Map.of("locations", List.of(location), "stock_date_end", date),
            "forecast_quantity");
    String unit =
        text(models.readOne("product.uom", id(now.get("default_uom")), "symbol").get("symbol"));
    return new Availability(
        productCode,
        warehouseCode,
        date,
        quantity,
        quantity(now.get("quantity")),
        quantity(then.get("forecast_quantity")),
        unit,
        clock.instant());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readWithContext(
      String model, long id, Map<String, Object> context, String... fields) {
    List<Map<String, Object>> rows =
        (List<Map<String, Object>>)
            models.rpc().modelWithContext(model, "read", context, List.of(id), List.of(fields));
    return rows.get(0);
  }

  private static BigDecimal quantity(Object value) {
    if (value == null) {
      return BigDecimal.ZERO;
    }
    return value instanceof BigDecimal d
        ? d
        : BigDecimal.valueOf(((Number) value).doubleValue())
            .setScale(4, RoundingMode.HALF_UP)
            .stripTrailingZeros();
  }

  long productId(String code) {
    return models
        .first("product.product", List.of(clause("code", "=", code)), "id")
        .map(row -> id(row.get("id")))
        .orElseThrow(() -> new NotFoundException("Tryton product", code));
  }

  long warehouse(String code) {
    return models
        .first(
            "stock.location",
            List.of(clause("type", "=", "warehouse"), clause("code", "=", code)),
            "id")
        .map(row -> id(row.get("id")))
        .orElseThrow(() -> new NotFoundException("Tryton warehouse", code));
  }

  // ---- sales ----------------------------------------------------------------------------------

  @Override
  public DocumentRef placeSale(SaleCommand command) {
    long party = parseRef(command.customerRef(), "party");
    Optional<Map<String, Object>> existing =
        models.first(
            "sale.sale",
            List.of(clause("comment", "=", KEY_PREFIX + command.idempotencyKey())),
            "id");
    boolean created = existing.isEmpty();
    long sale;
    if (created) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("party", party);
      values.put("comment", KEY_PREFIX + command.idempotencyKey());
      if (command.reference() != null) {
        values.put("reference", command.reference());
      }
      Long address =
          models
              .first("party.address", List.of(clause("party", "=", party)), "id")
              .map(row -> id(row.get("id")))
              .orElseThrow(
                  () ->
                      new ErpRejectedException(
                          "Tryton party " + party + " has no address to invoice and ship to"));
      values.put("invoice_address", address);
      values.put("shipment_address", address);
      Long paymentTerm =
          id(
              models
                  .readOne("party.party", party, "customer_payment_term")
                  .get("customer_payment_term"));
      if (paymentTerm == null) {
        paymentTerm =
            models
                .first("account.invoice.payment_term", List.of(), "id")
                .map(row -> id(row.get("id")))
                .orElse(null);
      }
      if (paymentTerm != null) {
        values.put("payment_term", paymentTerm);
      }
      if (command.currency() != null) {
        values.put(
            "currency",
            models
                .first("currency.currency", List.of(clause("code", "=", command.currency())), "id")
                .map(row -> id(row.get("id")))
                .orElseThrow(() -> new NotFoundException("Tryton currency", command.currency())));
      }
      List<Map<String, Object>> lines = new ArrayList<>();
      for (SaleLine line : command.lines()) {
        lines.add(saleLine(line));
      }
      values.put("lines", createChildren(lines));
      sale = models.create("sale.sale", values);
    } else {
      sale = id(existing.get().get("id"));
    }
    if (command.confirm()) {
      String state = text(models.readOne("sale.sale", sale, "state").get("state"));
      if ("draft".equals(state)) {
        models.button("sale.sale", "quote", sale);
        state = "quotation";
      }
      if ("quotation".equals(state)) {
        models.button("sale.sale", "confirm", sale);
      }
    }
    Map<String, Object> row = models.readOne("sale.sale", sale, "number", "state");
    return new DocumentRef(
        SYSTEM,
        DocumentKind.SALE,
        String.valueOf(sale),
        text(row.get("number")),
        text(row.get("state")),
        created);
  }

  private Map<String, Object> saleLine(SaleLine line) {
    long product = productId(line.productCode());
    Map<String, Object> p = models.readOne("product.product", product, "template", "rec_name");
    Map<String, Object> template =
        models.readOne(
            "product.template", id(p.get("template")), "list_price", "sale_uom", "default_uom");
    Long unit = id(template.get("sale_uom"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("type", "line");
    values.put("product", product);
    values.put("quantity", line.quantity().doubleValue());
    values.put("unit", unit != null ? unit : id(template.get("default_uom")));
    BigDecimal price =
        line.unitPrice() != null ? line.unitPrice() : decimal(template.get("list_price"));
    values.put("unit_price", price.setScale(4, RoundingMode.HALF_UP));
    values.put(
        "description", line.description() != null ? line.description() : text(p.get("rec_name")));
    return values;
  }

  @Override
  public DocumentRef cancelSale(String saleRef) {
    long sale = parseRef(saleRef, "sale");
    String state = text(models.readOne("sale.sale", sale, "state").get("state"));
    if (!"cancelled".equals(state)) {
      if (!"draft".equals(state)) {
        // Tryton cancels only drafts: a quotation or confirmed sale goes back to draft first,
        // which Tryton itself refuses once goods shipped or invoices posted.
        models.button("sale.sale", "draft", sale);
      }
      models.button("sale.sale", "cancel", sale);
    }
    Map<String, Object> row = models.readOne("sale.sale", sale, "number", "state");
    // Tryton's buttons do nothing, without an error, where its workflow does not allow them: 6.0
    // cancels only draft and quotation sales (measured: a processing sale stays processing even
    // after its shipment and invoice are cancelled, in shipment and invoice "exception"), so a
    // sale that is not cancelled now was refused, and nothing else is touched.
    if (!"cancelled".equals(text(row.get("state")))) {
      throw new ErpRejectedException(
          "Tryton did not cancel sale "
              + text(row.get("number"))
              + ": it stays "
              + text(row.get("state"))
              + " (Tryton cancels only sales not yet confirmed; a confirmed sale's shipments and"
              + " invoices are cancelled or credited in Tryton itself)");
    }
    return new DocumentRef(
        SYSTEM, DocumentKind.SALE, saleRef, text(row.get("number")), text(row.get("state")), false);
  }

  /** Shipment states whose goods are not yet picked: their moves may still change. */
  private static final java.util.Set<String> OPEN_SHIPMENT =
      java.util.Set.of("draft", "waiting", "assigned");

  /**
   * Changes line quantities of a sale. Tryton 6.0 has no amendment of a confirmed sale (that is the
   * sale_amendment module), but it lets the connector write what a clerk would correct by hand,
   * measured on this machine: the sale line's quantity, the quantity of its outgoing move while its
   * shipment is not picked (the shipment's {@code wait} then rebuilds the inventory moves from the
   * outgoing ones; an assigned shipment is assigned again afterwards), and the line of a draft
   * invoice. Everything is checked before anything is written: goods shipped beyond the new
   * quantity, a shipment already picked or packed, or a posted invoice refuse the change with the
   * reason. A line already at its new quantity is left alone, so a retry changes nothing twice.
   */
  @Override
  public DocumentRef changeSale(String saleRef, List<SaleLineChange> changes, String reason) {
    long sale = parseRef(saleRef, "sale");
    Map<String, Object> row = models.readOne("sale.sale", sale, "number", "state", "lines");
    String number = text(row.get("number"));
    String state = text(row.get("state"));
    if (!List.of("draft", "quotation", "confirmed", "processing").contains(state)) {
      throw new ErpRejectedException(
          "Tryton sale " + number + " is " + state + ": its lines can no longer change");
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Map<String, Object> line :
        models.read("sale.line", ids(row.get("lines")), "type", "quantity", "moves")) {
      if ("line".equals(line.get("type"))) {
        lines.add(line);
      }
    }
    // What to write, found and checked first.
    Map<Long, Double> lineQuantities = new LinkedHashMap<>();
    Map<Long, Double> moveQuantities = new LinkedHashMap<>();
    Map<Long, Double> invoiceLineQuantities = new LinkedHashMap<>();
    java.util.Set<Long> shipments = new java.util.TreeSet<>();
    for (SaleLineChange change : changes) {
      if (change.position() > lines.size()) {
        throw new ErpRejectedException(
            "Tryton sale " + number + " has no line " + change.position());
      }
      Map<String, Object> line = lines.get(change.position() - 1);
      long lineId = id(line.get("id"));
      double target = change.quantity().doubleValue();
      if (Math.abs(((Number) line.get("quantity")).doubleValue() - target) < 1e-9) {
        continue;
      }
      lineQuantities.put(lineId, target);
      List<Long> moveIds = ids(line.get("moves"));
      double done = 0;
      List<Map<String, Object>> pending = new ArrayList<>();
      if (!moveIds.isEmpty()) {
        for (Map<String, Object> move :
            models.read("stock.move", moveIds, "state", "quantity", "shipment")) {
          String moveState = text(move.get("state"));
          if ("done".equals(moveState)) {
            done += ((Number) move.get("quantity")).doubleValue();
          } else if (!"cancelled".equals(moveState)) {
            pending.add(move);
          }
        }
      }
      if (done > target + 1e-9) {
        throw new ErpRejectedException(
            "Tryton sale "
                + number
                + " line "
                + change.position()
                + " has "
                + quantityText(done)
                + " shipped already: it cannot go down to "
                + change.quantity().stripTrailingZeros().toPlainString());
      }
      double left = target - done;
      for (Map<String, Object> move : pending) {
        Long shipment = shipmentOf(move.get("shipment"));
        if (shipment != null) {
          String shipmentState =
              text(models.readOne("stock.shipment.out", shipment, "state").get("state"));
          if (!OPEN_SHIPMENT.contains(shipmentState)) {
            throw new ErpRejectedException(
                "Tryton shipment "
                    + shipment
                    + " of sale "
                    + number
                    + " is "
                    + shipmentState
                    + ": its goods are on their way, the order can no longer be reduced");
          }
          shipments.add(shipment);
        }
        double quantity = Math.min(((Number) move.get("quantity")).doubleValue(), left);
        left -= quantity;
        moveQuantities.put(id(move.get("id")), quantity);
      }
      double invoiced = 0;
      List<Map<String, Object>> draftLines = new ArrayList<>();
      for (Map<String, Object> invoiceLine :
          models.searchRead(
              "account.invoice.line",
              List.of(clause("origin", "=", "sale.line," + lineId)),
              0,
              null,
              null,
              "invoice",
              "quantity")) {
        Long invoice = id(invoiceLine.get("invoice"));
        Map<String, Object> inv = models.readOne("account.invoice", invoice, "state", "number");
        String invoiceState = text(inv.get("state"));
        if ("draft".equals(invoiceState) || "validated".equals(invoiceState)) {
          draftLines.add(invoiceLine);
        } else if (!"cancelled".equals(invoiceState)) {
          invoiced += ((Number) invoiceLine.get("quantity")).doubleValue();
        }
      }
      if (invoiced > target + 1e-9) {
        throw new ErpRejectedException(
            "Tryton sale "
                + number
                + " line "
                + change.position()
                + " has "
                + quantityText(invoiced)
                + " invoiced on a posted invoice: credit it in Tryton first");
      }
      double toInvoice = target - invoiced;
      for (Map<String, Object> invoiceLine : draftLines) {
        double quantity = Math.min(((Number) invoiceLine.get("quantity")).doubleValue(), toInvoice);
        toInvoice -= quantity;
        invoiceLineQuantities.put(id(invoiceLine.get("id")), quantity);
      }
    }
    if (!lineQuantities.isEmpty()) {
      Map<Long, String> shipmentStates = new LinkedHashMap<>();
      for (long shipment : shipments) {
        shipmentStates.put(
            shipment, text(models.readOne("stock.shipment.out", shipment, "state").get("state")));
      }
      moveQuantities.forEach(
          (move, quantity) ->
              models.write("stock.move", List.of(move), Map.of("quantity", quantity)));
      invoiceLineQuantities.forEach(
          (line, quantity) ->
              models.write("account.invoice.line", List.of(line), Map.of("quantity", quantity)));
      lineQuantities.forEach(
          (line, quantity) ->
              models.write("sale.line", List.of(line), Map.of("quantity", quantity)));
      shipmentStates.forEach(
          (shipment, before) -> {
            if (!"draft".equals(before)) {
              // wait rebuilds the inventory moves from the outgoing ones just written (and frees
              // what an assigned shipment had reserved); assign again what was assigned.
              models.button("stock.shipment.out", "wait", shipment);
              if ("assigned".equals(before)) {
                models.button("stock.shipment.out", "assign_try", shipment);
              }
            }
          });
      if (!"draft".equals(state) && !"quotation".equals(state)) {
        // A confirmed sale keeps its totals in a cache written at confirmation: empty it so the
        // totals follow the new lines.
        Map<String, Object> noCache = new LinkedHashMap<>();
        noCache.put("untaxed_amount_cache", null);
        noCache.put("tax_amount_cache", null);
        noCache.put("total_amount_cache", null);
        models.write("sale.sale", List.of(sale), noCache);
      }
    }
    Map<String, Object> after = models.readOne("sale.sale", sale, "number", "state");
    return new DocumentRef(
        SYSTEM,
        DocumentKind.SALE,
        saleRef,
        text(after.get("number")),
        text(after.get("state")),
        false);
  }

  /**
   * A move's shipment, read as {@code "stock.shipment.out,<id>"}; null for none or another kind.
   */
  private static Long shipmentOf(Object reference) {
    String ref = text(reference);
    if (ref == null || !ref.startsWith("stock.shipment.out,")) {
      return null;
    }
    return Long.parseLong(ref.substring("stock.shipment.out,".length()));
  }

  private static String quantityText(double quantity) {
    return BigDecimal.valueOf(quantity).stripTrailingZeros().toPlainString();
  }

  // ---- manufacturing --------------------------------------------------------------------------

  @Override
  public DocumentRef requestProduction(ProductionCommand command) {
    String key = new ProductionReference(command.customerRef(), command.idempotencyKey()).format();
    Optional<Map<String, Object>> existing =
        models.first("production", List.of(clause("reference", "=", key)), "id");
    boolean created = existing.isEmpty();
    long production;
    if (created) {
      long product = productId(command.productCode());
      long warehouse = warehouse(defaultWarehouse);
      Map<String, Object> wh =
          models.readOne("stock.location", warehouse, "production_location", "storage_location");
      Long productionLocation = id(wh.get("production_location"));
      Long storage = id(wh.get("storage_location"));
      if (productionLocation == null) {
        throw new ErpRejectedException(
            "Tryton warehouse " + defaultWarehouse + " has no production location");
      }
      Map<String, Object> template =
          models.readOne(
              "product.template",
              id(models.readOne("product.product", product, "template").get("template")),
              "default_uom");
      Long unit = id(template.get("default_uom"));
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("reference", key);
      values.put("product", product);
      values.put("quantity", command.quantity().doubleValue());
      values.put("uom", unit);
      values.put("warehouse", warehouse);
      values.put("location", productionLocation);
      values.put("planned_date", command.plannedStart());
      values.put("planned_start_date", command.plannedStart());
      values.put("company", models.rpc().context().get("company"));
      if (command.bom().isEmpty()) {
        Long bom = productBom(product);
        if (bom != null) {
          values.put("bom", bom);
        }
      } else {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (BomLine line : command.bom()) {
          long component = productId(line.productCode());
          Long componentUnit =
              id(
                  models
                      .readOne(
                          "product.template",
                          id(
                              models
                                  .readOne("product.product", component, "template")
                                  .get("template")),
                          "default_uom")
                      .get("default_uom"));
          Map<String, Object> move = new LinkedHashMap<>();
          move.put("product", component);
          move.put("quantity", line.quantity().multiply(command.quantity()).doubleValue());
          move.put("uom", componentUnit);
          move.put("from_location", storage);
          move.put("to_location", productionLocation);
          move.put("company", models.rpc().context().get("company"));
          inputs.add(move);
        }
        values.put("inputs", createChildren(inputs));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("product", product);
        output.put("quantity", command.quantity().doubleValue());
        output.put("uom", unit);
        output.put("from_location", productionLocation);
        output.put("to_location", storage);
        output.put("company", models.rpc().context().get("company"));
        // Tryton wants a price on what a production puts into stock; it sets the real cost from
        // the inputs when the production is done.
        output.put("unit_price", BigDecimal.ZERO);
        output.put("currency", companyCurrencyId());
        values.put("outputs", createChildren(List.of(output)));
      }
      production = models.create("production", values);
      if (command.bom().isEmpty() && values.containsKey("bom")) {
        // A production made over RPC does not expand its BOM by itself (the client does that in
        // on_change): ask Tryton to compute the moves the way its form would.
        explode(production);
      }
      models.button("production", "wait", production);
    } else {
      production = id(existing.get().get("id"));
    }
    Map<String, Object> row = models.readOne("production", production, "number", "state");
    return new DocumentRef(
        SYSTEM,
        DocumentKind.PRODUCTION,
        String.valueOf(production),
        text(row.get("number")),
        text(row.get("state")),
        created);
  }

  private Long productBom(long product) {
    return models
        .first("product.product-production.bom", List.of(clause("product", "=", product)), "bom")
        .map(row -> id(row.get("bom")))
        .orElse(null);
  }

  @SuppressWarnings("unchecked")
  private void explode(long production) {
    // on_change_with methods are exposed to the client: production.on_change_bom returns the
    // changes (inputs/outputs) the form would apply, given the record's values.
    Map<String, Object> values =
        models.readOne(
            "production",
            production,
            "bom",
            "product",
            "quantity",
            "uom",
            "warehouse",
            "location",
            "company",
            "planned_date",
            "planned_start_date",
            "inputs",
            "outputs");
    values.put("id", production);
    Map<String, Object> changes =
        (Map<String, Object>) models.rpc().model("production", "on_change_bom", values);
    Map<String, Object> write = new LinkedHashMap<>();
    for (String field : List.of("inputs", "outputs")) {
      Object change = changes.get(field);
      if (change instanceof Map<?, ?> m && m.get("add") instanceof List<?> adds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object add : adds) {
          Map<String, Object> move =
              new LinkedHashMap<>((Map<String, Object>) ((List<?>) add).get(1));
          // The change also holds read-only helpers (unit_price_required, ...): keep what a move
          // is made of.
          move.keySet().retainAll(MOVE_FIELDS);
          rows.add(move);
        }
        write.put(field, createChildren(rows));
      }
    }
    if (!write.isEmpty()) {
      models.write("production", List.of(production), write);
    }
  }

  @Override
  public DocumentRef changeProduction(String productionRef, BigDecimal quantity) {
    long production = parseRef(productionRef, "production");
    Map<String, Object> row =
        models.readOne("production", production, "state", "quantity", "inputs", "outputs");
    String state = text(row.get("state"));
    if (!"draft".equals(state) && !"waiting".equals(state) && !"cancelled".equals(state)) {
      throw new ErpRejectedException(
          "Tryton production " + productionRef + " is " + state + ": it can no longer change");
    }
    if (quantity.signum() == 0) {
      if (!"cancelled".equals(state)) {
        if ("waiting".equals(state)) {
          models.button("production", "draft", production);
        }
        models.button("production", "cancel", production);
      }
    } else if (!"cancelled".equals(state)) {
      double old = ((Number) row.get("quantity")).doubleValue();
      double factor = quantity.doubleValue() / old;
      models.write("production", List.of(production), Map.of("quantity", quantity.doubleValue()));
      List<Long> moves = new ArrayList<>(ids(row.get("inputs")));
      moves.addAll(ids(row.get("outputs")));
      for (Map<String, Object> move : models.read("stock.move", moves, "quantity")) {
        models.write(
            "stock.move",
            List.of(id(move.get("id"))),
            Map.of("quantity", ((Number) move.get("quantity")).doubleValue() * factor));
      }
    }
    Map<String, Object> after = models.readOne("production", production, "number", "state");
    return new DocumentRef(
        SYSTEM,
        DocumentKind.PRODUCTION,
        productionRef,
        text(after.get("number")),
        text(after.get("state")),
        false);
  }

  // ---- projects -------------------------------------------------------------------------------

  @Override
  public DocumentRef createProject(ProjectCommand command) {
    long party = parseRef(command.customerRef(), "party");
    String key = KEY_PREFIX + command.idempotencyKey();
    Optional<Map<String, Object>> existing =
        models.first(
            "project.work",
            List.of(clause("type", "=", "project"), clause("comment", "=", key)),
            "id");
    boolean created = existing.isEmpty();
    long project;
    if (created) {
      Object company = models.rpc().context().get("company");
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("name", command.name());
      values.put("type", "project");
      values.put("party", party);
      values.put("company", company);
      values.put("comment", key);
      List<Map<String, Object>> tasks = new ArrayList<>();
      for (ProjectTask task : command.tasks()) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", task.name());
        t.put("type", "task");
        t.put("company", company);
        if (task.effortHours() != null) {
          t.put(
              "effort_duration",
              Duration.ofSeconds(
                  task.effortHours().multiply(BigDecimal.valueOf(3600)).longValue()));
        }
        tasks.add(t);
      }
      if (!tasks.isEmpty()) {
        values.put("children", createChildren(tasks));
      }
      project = models.create("project.work", values);
    } else {
      project = id(existing.get().get("id"));
    }
    DocumentRef ref = project(String.valueOf(project));
    return new DocumentRef(ref.system(), ref.kind(), ref.id(), ref.number(), ref.state(), created);
  }

  @Override
  public DocumentRef project(String projectRef) {
    long project = parseRef(projectRef, "project");
    List<Map<String, Object>> rows =
        models.read("project.work", List.of(project), "name", "status");
    if (rows.isEmpty()) {
      throw new NotFoundException("Tryton project", projectRef);
    }
    return new DocumentRef(
        SYSTEM,
        DocumentKind.PROJECT,
        projectRef,
        text(rows.get(0).get("name")),
        workStatus(rows.get(0).get("status")),
        false);
  }

  /** project.work's status is a record (project.work.status) in 6.0; its name is the state. */
  String workStatus(Object status) {
    if (status instanceof Number n) {
      return text(models.readOne("project.work.status", n.longValue(), "name").get("name"));
    }
    return text(status);
  }

  // ---- helpers --------------------------------------------------------------------------------

  static long parseRef(String ref, String what) {
    try {
      return Long.parseLong(ref.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw new NotFoundException("Tryton " + what, String.valueOf(ref));
    }
  }

  static List<Long> ids(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>(list.size());
    list.forEach(v -> ids.add(((Number) v).longValue()));
    return ids;
  }
}
