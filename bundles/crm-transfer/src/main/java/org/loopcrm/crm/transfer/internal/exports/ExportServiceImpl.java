package org.loopcrm.crm.transfer.internal.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportService;
import org.loopcrm.crm.api.dataexport.ExportSubject;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.transfer.internal.exports.Column.Needs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports through the public services only, as the caller: the account list (its visibility and
 * finance masking included) a page of {@link #PAGE} at a time through the keyset cursor, each
 * account's contacts and details from the account and party services. Each page is written and
 * flushed before the next one is read, so memory holds one page whatever the size. The export is
 * audited once when it ends, also when it fails, with the number of records written.
 */
@Component(service = ExportService.class)
public final class ExportServiceImpl implements ExportService {
  /** Records read per page: the list's largest page. */
  static final int PAGE = 200;

  private static final Logger LOG = LoggerFactory.getLogger(ExportServiceImpl.class);
  private final AccountService accounts;
  private final PartyService parties;
  private final AuditService audit;

  /** Wired by DS. */
  @Activate
  public ExportServiceImpl(
      @Reference AccountService accounts,
      @Reference PartyService parties,
      @Reference AuditService audit) {
    this.accounts = accounts;
    this.parties = parties;
    this.audit = audit;
  }

  @Override
  public List<String> columns(ExportSubject subject) {
    return Columns.all(subject).stream().map(Column::name).toList();
  }

  @Override
  public List<String> defaultColumns(ExportSubject subject) {
    return Columns.all(subject).stream().filter(Column::byDefault).map(Column::name).toList();
  }

  @Override
  public void check(Actor actor, ExportRequest request) {
    checkColumns(request);
    accounts.list(actor, Queries.page(request.query(), 1, null));
  }

  @Override
  public long export(Actor actor, ExportRequest request, OutputStream out) throws IOException {
    checkColumns(request);
    AccountQuery q = request.query();
    // The first page is read before anything is written: a refused or invalid list writes nothing.
    Page<Account> page = accounts.list(actor, Queries.page(q, PAGE, null));
    Counter count = new Counter();
    boolean complete = false;
    try {
      if (request.subject() == ExportSubject.ACCOUNTS) {
        List<Column<AccountRow>> cols = Columns.select(Columns.ACCOUNT, request.columns());
        boolean mechanisms =
            request.format() == ExportFormat.VCARD || Columns.need(cols, Needs.MECHANISMS);
        boolean tags = request.format() == ExportFormat.VCARD || Columns.need(cols, Needs.TAGS);
        try (Sink<AccountRow> sink = sink(request, cols, VcardSink::account, "accounts", out)) {
          walk(
              actor,
              q,
              page,
              sink,
              a -> {
                sink.write(account(actor, a, mechanisms, tags));
                count.n++;
              });
          sink.finish();
        }
      } else {
        List<Column<ContactRow>> cols = Columns.select(Columns.CONTACT, request.columns());
        boolean mechanisms =
            request.format() == ExportFormat.VCARD || Columns.need(cols, Needs.MECHANISMS);
        try (Sink<ContactRow> sink = sink(request, cols, VcardSink::contact, "contacts", out)) {
          walk(
              actor,
              q,
              page,
              sink,
              a -> {
                for (Contact c : accounts.contacts(actor, a.id())) {
                  List<ContactMechanism> m =
                      mechanisms
                          ? parties.mechanisms(actor, PartyKey.contact(a.id(), c.id()))
                          : List.of();
                  sink.write(new ContactRow(c, a, m));
                  count.n++;
                }
              });
          sink.finish();
        }
      }
      complete = true;
      return count.n;
    } finally {
      audited(actor, request, count.n, complete);
    }
  }

  private void walk(
      Actor actor, AccountQuery q, Page<Account> first, Sink<?> sink, AccountWork work)
      throws IOException {
    Page<Account> page = first;
    while (true) {
      for (Account a : page.items()) {
        work.on(a);
      }
      sink.flush();
      if (page.nextCursor().isEmpty()) {
        return;
      }
      page = accounts.list(actor, Queries.page(q, PAGE, page.nextCursor().get()));
    }
  }

  private AccountRow account(Actor actor, Account a, boolean mechanisms, boolean tags) {
    PartyKey key = PartyKey.account(a.id());
    return new AccountRow(
        a,
        mechanisms ? parties.mechanisms(actor, key) : List.of(),
        tags ? parties.tags(actor, key) : List.of());
  }

  private static <R> Sink<R> sink(
      ExportRequest request,
      List<Column<R>> columns,
      java.util.function.Function<R, ezvcard.VCard> toCard,
      String sheet,
      OutputStream out)
      throws IOException {
    return switch (request.format()) {
      case CSV -> new CsvSink<>(out, columns, request.byteOrderMark());
      case XLSX -> new XlsxSink<>(out, columns, sheet);
      case JSON -> new JsonSink<>(out, columns);
      case VCARD -> new VcardSink<>(out, toCard);
    };
  }

  private static void checkColumns(ExportRequest request) {
    if (request.format() == ExportFormat.VCARD && !request.columns().isEmpty()) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "columns",
                  "vCard writes fixed properties; columns apply to csv, xlsx and json")));
    }
    if (request.subject() == ExportSubject.ACCOUNTS) {
      Columns.select(Columns.ACCOUNT, request.columns());
    } else {
      Columns.select(Columns.CONTACT, request.columns());
    }
  }

  private void audited(Actor actor, ExportRequest request, long count, boolean complete) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("subject", request.subject().name());
    details.put("format", request.format().name());
    details.put("filter", Queries.describe(request.query()));
    if (!request.columns().isEmpty()) {
      details.put("columns", String.join(",", request.columns()));
    }
    details.put("count", Long.toString(count));
    details.put("complete", Boolean.toString(complete));
    try {
      audit.recordExport(actor, details);
    } catch (RuntimeException e) {
      // Never hide the export's own failure behind the audit's; a lost entry is logged loudly.
      LOG.error("export by {} not audited: {}", actor.user(), details, e);
      if (complete) {
        throw e;
      }
    }
  }

  /** What is done with each account of the list. */
  @FunctionalInterface
  private interface AccountWork {
    void on(Account a) throws IOException;
  }

  private static final class Counter {
    long n;
  }
}
