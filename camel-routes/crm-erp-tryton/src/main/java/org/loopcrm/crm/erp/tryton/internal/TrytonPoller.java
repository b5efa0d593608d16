package org.loopcrm.crm.erp.tryton.internal;

import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.clause;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.decimal;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.id;
import static org.loopcrm.crm.erp.tryton.internal.TrytonModels.text;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpFact;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.PaymentReceived;
import org.loopcrm.crm.api.erp.ReceivableBalance;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.api.erp.port.CreditStatus;
import org.loopcrm.crm.api.erp.port.CustomerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what changed in Tryton since each stream's watermark and hands it to the CRM as canonical
 * facts. Tryton pushes nothing, so this is how its changes arrive.
 *
 * <p>A stream reads rows in (write_date, id) order after its watermark (and rows never written in
 * (create_date, id) order, see {@link Pass}) and applies each row's last fact together with the new
 * watermark, in one CRM transaction. A crash re-reads at most the rows after the last stored
 * watermark; their facts have message ids derived from the row (id, state), so a re-read changes
 * nothing twice.
 *
 * <p>Rows written in the last {@link #SETTLE} are left for the next poll: Tryton stamps write_date
 * when its transaction writes, not when it commits, so a row of a transaction still open could
 * otherwise appear later with an older write_date than a watermark already stored, and be missed.
 */
final class TrytonPoller {
  static final Duration SETTLE = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(TrytonPoller.class);

  /** The streams, as named in the CRM's watermarks. */
  enum Stream {
    PARTY("party"),
    INVOICE("invoice"),
    SALE("sale"),
    PRODUCTION("production"),
    PROJECT("project"),
    SHIPMENT("shipment");

    final String name;

    Stream(String name) {
      this.name = name;
    }
  }

  private final TrytonModels models;
  private final TrytonErp erp;
  private final ErpFactService facts;
  private final int batchSize;
  private final Clock clock;
  private final Map<Long, String> currencies = new ConcurrentHashMap<>();

  TrytonPoller(
      TrytonModels models, TrytonErp erp, ErpFactService facts, int batchSize, Clock clock) {
    this.models = models;
    this.erp = erp;
    this.facts = facts;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  /**
   * Polls one batch of a stream.
   *
   * @return how many rows were read; a full batch means more may be waiting
   */
  int poll(Stream stream) {
    Instant horizon = clock.instant().minus(SETTLE);
    int written = poll(stream, new Pass(stream, false, horizon));
    int created = poll(stream, new Pass(stream, true, horizon));
    return Math.max(written, created);
  }

  private int poll(Stream stream, Pass pass) {
    return switch (stream) {
      case PARTY -> parties(pass);
      case INVOICE -> invoices(pass);
      case SALE -> sales(pass);
      case PRODUCTION -> productions(pass);
      case PROJECT -> projects(pass);
      case SHIPMENT -> shipments(pass);
    };
  }

  /**
   * One of a stream's two passes. Tryton leaves write_date empty until a row's first write, so rows
   * never written are read by create_date in a pass of their own, with its own watermark ({@code
   * <stream>.created}); once written, a row comes again through the write_date pass.
   */
  private final class Pass {
    final String watermark;
    final String timeField;
    final boolean created;
    final Watermark from;
    final Instant horizon;

    Pass(Stream stream, boolean created, Instant horizon) {
      this.created = created;
      this.watermark = created ? stream.name + ".created" : stream.name;
      this.timeField = created ? "create_date" : "write_date";
      this.from = facts.watermark(TrytonErp.SYSTEM, watermark);
      this.horizon = horizon;
    }

    Instant at(Map<String, Object> row) {
      return (Instant) row.get(timeField);
    }

    Watermark mark(Map<String, Object> row) {
      return new Watermark(at(row), id(row.get("id")));
    }
  }

  /** Polls a stream until it is drained; returns the rows read. */
  int drain(Stream stream) {
    int total = 0;
    int read;
    do {
      read = poll(stream);
      total += read;
    } while (read == batchSize);
    return total;
  }

  private List<Map<String, Object>> changedRows(
      String model, List<Object> filter, Pass pass, String... fields) {
    String time = pass.timeField;
    List<Object> domain = new java.util.ArrayList<>(filter);
    if (pass.created) {
      domain.add(clause("write_date", "=", null));
    }
    domain.add(
        List.of(
            "OR",
            clause(time, ">", pass.from.changedAt()),
            List.of(
                clause(time, "=", pass.from.changedAt()), clause("id", ">", pass.from.lastId()))));
    domain.add(clause(time, "<=", pass.horizon));
    String[] all = java.util.Arrays.copyOf(fields, fields.length + 1);
    all[fields.length] = time;
    return models.searchRead(
        model, domain, 0, batchSize, List.of(List.of(time, "ASC"), List.of("id", "ASC")), all);
  }

  /** Applies the row's facts; the last one carries the watermark. */
  private void applyRow(Pass pass, Map<String, Object> row, List<ErpFact> rowFacts) {
    Watermark mark = pass.mark(row);
    try {
      for (int i = 0; i < rowFacts.size() - 1; i++) {
        facts.apply(rowFacts.get(i));
      }
      facts.apply(rowFacts.get(rowFacts.size() - 1), pass.watermark, mark);
    } catch (NotFoundException e) {
      // The party is not linked to any account: this row is nothing to the CRM.
      LOG.debug(
          "Tryton {} {} concerns no CRM account: {}",
          pass.watermark,
          row.get("id"),
          e.getMessage());
      facts.advance(TrytonErp.SYSTEM, pass.watermark, mark);
    }
  }

  private int parties(Pass pass) {
    List<Map<String, Object>> rows =
        changedRows(
            "party.party",
            List.of(),
            pass,
            "name",
            "identifiers",
            "contact_mechanisms",
            "addresses",
            "create_date");
    for (Map<String, Object> row : rows) {
      CustomerRecord c = erp.customerRecord(row);
      Instant at = pass.at(row);
      ErpFact fact =
          new PartyChanged(
              "tryton:party:" + row.get("id") + ":" + at,
              TrytonErp.SYSTEM,
              c.erpRef(),
              c.crmId() == null ? null : c.crmId().toString(),
              c.name(),
              c.taxId(),
              c.email(),
              c.phone(),
              c.addresses(),
              at);
      applyRow(pass, row, List.of(fact));
    }
    return rows.size();
  }

  private int invoices(Pass pass) {
    List<Map<String, Object>> rows =
        changedRows(
            "account.invoice",
            List.of(clause("type", "=", "out"), clause("state", "in", List.of("posted", "paid"))),
            pass,
            "party",
            "number",
            "state",
            "total_amount",
            "currency",
            "invoice_date",
            "sales");
    Map<Long, String> saleKeys = saleKeys(rows, "sales");
    for (Map<String, Object> row : rows) {
      long invoice = id(row.get("id"));
      String party = String.valueOf(id(row.get("party")));
      String currency = currency(id(row.get("currency")));
      Instant at = pass.at(row);
      LocalDate invoiceDate = (LocalDate) row.get("invoice_date");
      List<ErpFact> rowFacts = new java.util.ArrayList<>();
      rowFacts.add(
          new InvoicePosted(
              "tryton:invoice:" + invoice + ":posted",
              TrytonErp.SYSTEM,
              party,
              text(row.get("number")),
              decimal(row.get("total_amount")),
              currency,
              invoiceDate == null ? at : invoiceDate.atStartOfDay().toInstant(ZoneOffset.UTC)));
      if ("paid".equals(row.get("state"))) {
        rowFacts.add(
            new PaymentReceived(
                "tryton:invoice:" + invoice + ":paid",
                TrytonErp.SYSTEM,
                party,
                "invoice:" + invoice,
                text(row.get("number")),
                decimal(row.get("total_amount")),
                currency,
                at));
      }
      // The invoice as a document of the sale it bills, so it shows on the opportunity's
      // timeline. Seen paid without having been seen posted (both happened between two polls):
      // its posted state comes first, a microsecond earlier; seen before, it is a duplicate.
      String crmRef = crmRefOf(TrytonErp.ids(row.get("sales")), saleKeys);
      if ("paid".equals(row.get("state"))) {
        rowFacts.add(invoiceDocument(row, party, "posted", currency, crmRef, at.minusNanos(1000)));
      }
      rowFacts.add(invoiceDocument(row, party, text(row.get("state")), currency, crmRef, at));
      // Tryton's own balance closes the row: it corrects anything the two facts could not know
      // (partial payments, credit notes, write-offs).
      CreditStatus status = erp.creditStatus(party);
      rowFacts.add(
          new ReceivableBalance(
              "tryton:balance:" + party + ":" + invoice + ":" + at,
              TrytonErp.SYSTEM,
              party,
              status.receivable(),
              status.overdue(),
              status.creditLimit(),
              status.currency(),
              at));
      applyRow(pass, row, rowFacts);
    }
    return rows.size();
  }

  private int sales(Pass pass) {
    List<Map<String, Object>> rows =
        changedRows(
            "sale.sale",
            List.of(),
            pass,
            "party",
            "number",
            "state",
            "total_amount",
            "currency",
            "comment");
    for (Map<String, Object> row : rows) {
      applyRow(
          pass,
          row,
          List.of(
              document(
                  pass,
                  row,
                  DocumentKind.SALE,
                  String.valueOf(id(row.get("party"))),
                  text(row.get("number")),
                  text(row.get("state")),
                  decimal(row.get("total_amount")),
                  currency(id(row.get("currency"))),
                  key(text(row.get("comment"))))));
    }
    return rows.size();
  }

  private int productions(Pass pass) {
    List<Map<String, Object>> rows =
        changedRows(
            "production",
            List.of(clause("reference", "like", TrytonErp.PRODUCTION_PREFIX + "%")),
            pass,
            "number",
            "state",
            "reference");
    for (Map<String, Object> row : rows) {
      TrytonErp.ProductionReference ref =
          TrytonErp.ProductionReference.parse(text(row.get("reference")));
      if (ref == null || ref.customerRef() == null) {
        facts.advance(TrytonErp.SYSTEM, pass.watermark, pass.mark(row));
        continue;
      }
      applyRow(
          pass,
          row,
          List.of(
              document(
                  pass,
                  row,
                  DocumentKind.PRODUCTION,
                  ref.customerRef(),
                  text(row.get("number")),
                  text(row.get("state")),
                  null,
                  null,
                  ref.key())));
    }
    return rows.size();
  }

  private int projects(Pass pass) {
    List<Map<String, Object>> rows =
        changedRows(
            "project.work",
            List.of(clause("type", "=", "project"), clause("party", "!=", null)),
            pass,
            "party",
            "name",
            "status",
            "comment");
    for (Map<String, Object> row : rows) {
      applyRow(
          pass,
          row,
          List.of(
              document(
                  pass,
                  row,
                  DocumentKind.PROJECT,
                  String.valueOf(id(row.get("party"))),
                  text(row.get("name")),
                  erp.workStatus(row.get("status")),
                  null,
                  null,
                  key(text(row.get("comment"))))));
    }
    return rows.size();
  }

  /**
   * Customer shipments, followed back to the sale they deliver (one search for the whole batch), so
   * their states show on the opportunity's timeline.
   */
  private int shipments(Pass pass) {
    List<Map<String, Object>> rows =
        changedRows("stock.shipment.out", List.of(), pass, "customer", "number", "state");
    Map<Long, Long> saleOf = new java.util.HashMap<>();
    Map<Long, String> keys = new java.util.HashMap<>();
    if (!rows.isEmpty()) {
      List<Long> ids = rows.stream().map(r -> id(r.get("id"))).toList();
      for (Map<String, Object> sale :
          models.searchRead(
              "sale.sale",
              List.of(clause("shipments", "in", ids)),
              0,
              null,
              null,
              "shipments",
              "comment")) {
        long saleId = id(sale.get("id"));
        keys.put(saleId, key(text(sale.get("comment"))));
        for (Long shipment : TrytonErp.ids(sale.get("shipments"))) {
          saleOf.putIfAbsent(shipment, saleId);
        }
      }
    }
    for (Map<String, Object> row : rows) {
      Long customer = id(row.get("customer"));
      if (customer == null) {
        facts.advance(TrytonErp.SYSTEM, pass.watermark, pass.mark(row));
        continue;
      }
      Long sale = saleOf.get(id(row.get("id")));
      applyRow(
          pass,
          row,
          List.of(
              document(
                  pass,
                  row,
                  DocumentKind.SHIPMENT,
                  String.valueOf(customer),
                  text(row.get("number")),
                  text(row.get("state")),
                  null,
                  null,
                  sale == null ? null : keys.get(sale))));
    }
    return rows.size();
  }

  /**
   * The CRM keys of the sales the rows name in {@code field}: one read for the whole batch. Sales
   * the CRM did not make have no key.
   */
  private Map<Long, String> saleKeys(List<Map<String, Object>> rows, String field) {
    java.util.Set<Long> sales = new java.util.TreeSet<>();
    rows.forEach(r -> sales.addAll(TrytonErp.ids(r.get(field))));
    Map<Long, String> keys = new java.util.HashMap<>();
    if (!sales.isEmpty()) {
      for (Map<String, Object> sale : models.read("sale.sale", List.copyOf(sales), "comment")) {
        String key = key(text(sale.get("comment")));
        if (key != null) {
          keys.put(id(sale.get("id")), key);
        }
      }
    }
    return keys;
  }

  /** The first of the sales the CRM made, by its key; an invoice usually bills one sale. */
  private static String crmRefOf(List<Long> sales, Map<Long, String> keys) {
    return sales.stream().map(keys::get).filter(k -> k != null).findFirst().orElse(null);
  }

  private static DocumentChanged invoiceDocument(
      Map<String, Object> row,
      String party,
      String state,
      String currency,
      String crmRef,
      Instant at) {
    // Not "tryton:invoice:<id>:<state>": those are the InvoicePosted and PaymentReceived facts.
    return new DocumentChanged(
        "tryton:invoice-document:" + row.get("id") + ":" + state,
        TrytonErp.SYSTEM,
        party,
        DocumentKind.INVOICE,
        String.valueOf(row.get("id")),
        text(row.get("number")),
        state,
        decimal(row.get("total_amount")),
        currency,
        crmRef,
        at);
  }

  private static DocumentChanged document(
      Pass pass,
      Map<String, Object> row,
      DocumentKind kind,
      String customerRef,
      String number,
      String state,
      java.math.BigDecimal amount,
      String currency,
      String crmRef) {
    // One fact per state a document reaches: its timeline shows state changes, not every edit.
    return new DocumentChanged(
        "tryton:"
            + kind.name().toLowerCase(java.util.Locale.ROOT)
            + ":"
            + row.get("id")
            + ":"
            + state,
        TrytonErp.SYSTEM,
        customerRef,
        kind,
        String.valueOf(row.get("id")),
        number,
        state,
        amount,
        amount == null ? null : currency,
        crmRef,
        pass.at(row));
  }

  private static String key(String comment) {
    return comment != null && comment.startsWith(TrytonErp.KEY_PREFIX)
        ? comment.substring(TrytonErp.KEY_PREFIX.length())
        : null;
  }

  private String currency(Long id) {
    if (id == null) {
      return erp.companyCurrency();
    }
    return currencies.computeIfAbsent(
        id, k -> text(models.readOne("currency.currency", k, "code").get("code")));
  }
}
