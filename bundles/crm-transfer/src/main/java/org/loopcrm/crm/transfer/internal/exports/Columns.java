package org.loopcrm.crm.transfer.internal.exports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.api.dataexport.ExportSubject;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.transfer.internal.exports.Column.Needs;

/**
 * The columns of account and contact exports. Mechanism columns hold the party's primary mechanism
 * of the kind (the first one: the service lists them primary first). Finance columns are empty for
 * a caller without finance access, because the list gives such a caller no receivables.
 */
final class Columns {
  static final List<Column<AccountRow>> ACCOUNT;
  static final List<Column<ContactRow>> CONTACT;

  static {
    List<Column<AccountRow>> a = new ArrayList<>();
    a.add(plain("id", r -> r.account().id()));
    a.add(plain("name", r -> r.account().name()));
    a.add(plain("taxId", r -> r.account().taxId()));
    a.add(plain("erpRef", r -> r.account().erpRef()));
    a.add(plain("owner", r -> r.account().owner()));
    a.add(plain("stage", r -> r.account().stage()));
    a.add(plain("status", r -> r.account().status()));
    addMechanismColumns(a, AccountRow::mechanisms, null, null);
    a.add(new Column<>("tags", true, Needs.TAGS, AccountRow::tags));
    a.add(plain("openReceivables", r -> finance(r, Receivables::open)));
    a.add(plain("currency", r -> finance(r, Receivables::currency)));
    a.add(plain("createdAt", r -> r.account().createdAt()));
    a.add(plain("updatedAt", r -> r.account().updatedAt()));
    a.add(extra("invoiceCount", r -> finance(r, Receivables::invoiceCount)));
    a.add(extra("lastInvoice", r -> finance(r, Receivables::lastInvoice)));
    a.add(extra("version", r -> r.account().version()));
    ACCOUNT = List.copyOf(a);

    List<Column<ContactRow>> c = new ArrayList<>();
    c.add(plain("id", r -> r.contact().id()));
    c.add(plain("accountId", r -> r.account().id()));
    c.add(plain("accountName", r -> r.account().name()));
    c.add(plain("firstName", r -> r.contact().firstName()));
    c.add(plain("lastName", r -> r.contact().lastName()));
    c.add(plain("title", r -> r.contact().title()));
    addMechanismColumns(
        c, ContactRow::mechanisms, r -> r.contact().email(), r -> r.contact().phone());
    c.add(plain("createdAt", r -> r.contact().createdAt()));
    c.add(plain("updatedAt", r -> r.contact().updatedAt()));
    c.add(extra("accountOwner", r -> r.account().owner()));
    c.add(extra("version", r -> r.contact().version()));
    CONTACT = List.copyOf(c);
  }

  private Columns() {}

  /** Every column of the subject, the default ones first. */
  static List<Column<?>> all(ExportSubject subject) {
    return List.copyOf(subject == ExportSubject.ACCOUNTS ? ACCOUNT : CONTACT);
  }

  /**
   * The columns a request names, in its order, or the default set for none.
   *
   * @throws ValidationException naming the unknown or repeated columns
   */
  static <R> List<Column<R>> select(List<Column<R>> available, List<String> names) {
    if (names.isEmpty()) {
      return available.stream().filter(Column::byDefault).toList();
    }
    Map<String, Column<R>> byName = new LinkedHashMap<>();
    available.forEach(col -> byName.put(col.name(), col));
    List<Column<R>> out = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (String raw : names) {
      String name = raw.strip();
      Column<R> col = byName.get(name);
      if (col == null) {
        unknown.add(name);
      } else if (out.contains(col)) {
        repeated.add(name);
      } else {
        out.add(col);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "columns",
                  "unknown column(s) "
                      + String.join(", ", unknown)
                      + "; known: "
                      + String.join(", ", byName.keySet()))));
    }
    if (!repeated.isEmpty()) {
      throw new ValidationException(
          List.of(new FieldError("columns", "repeated column(s) " + String.join(", ", repeated))));
    }
    return List.copyOf(out);
  }

  /** Whether any of the columns needs what {@code needs} reads. */
  static boolean need(List<? extends Column<?>> columns, Needs needs) {
    return columns.stream().anyMatch(c -> c.needs() == needs);
  }

  /** The mechanism columns; a contact falls back on its own e-mail and phone fields. */
  private static <R> void addMechanismColumns(
      List<Column<R>> cols,
      Function<R, List<ContactMechanism>> mechanisms,
      Function<R, Object> emailFallback,
      Function<R, Object> phoneFallback) {
    cols.add(mechanism("email", mechanisms, MechanismKind.EMAIL, emailFallback));
    cols.add(mechanism("phone", mechanisms, MechanismKind.PHONE, phoneFallback));
    cols.add(mechanism("website", mechanisms, MechanismKind.WEB, null));
    cols.add(address("street", mechanisms, PostalAddress::street));
    cols.add(address("postalCode", mechanisms, PostalAddress::postalCode));
    cols.add(address("city", mechanisms, PostalAddress::city));
    cols.add(address("region", mechanisms, PostalAddress::region));
    cols.add(address("country", mechanisms, PostalAddress::country));
  }

  private static <R> Column<R> mechanism(
      String name,
      Function<R, List<ContactMechanism>> mechanisms,
      MechanismKind kind,
      Function<R, Object> fallback) {
    return new Column<>(
        name,
        true,
        Needs.MECHANISMS,
        r -> {
          ContactMechanism m = primary(mechanisms.apply(r), kind);
          if (m != null) {
            return m.value();
          }
          return fallback == null ? null : fallback.apply(r);
        });
  }

  private static <R> Column<R> address(
      String name,
      Function<R, List<ContactMechanism>> mechanisms,
      Function<PostalAddress, String> part) {
    return new Column<>(
        name,
        true,
        Needs.MECHANISMS,
        r -> {
          ContactMechanism m = primary(mechanisms.apply(r), MechanismKind.POSTAL);
          return m == null || m.address() == null ? null : part.apply(m.address());
        });
  }

  /** The primary mechanism of a kind: the first one, since the service lists primaries first. */
  static ContactMechanism primary(List<ContactMechanism> mechanisms, MechanismKind kind) {
    for (ContactMechanism m : mechanisms) {
      if (m.kind() == kind) {
        return m;
      }
    }
    return null;
  }

  private static Object finance(AccountRow r, Function<Receivables, Object> part) {
    Receivables rec = r.account().receivables();
    return rec == null ? null : part.apply(rec);
  }

  private static <R> Column<R> plain(String name, Function<R, Object> value) {
    return new Column<>(name, true, Needs.NOTHING, value);
  }

  private static <R> Column<R> extra(String name, Function<R, Object> value) {
    return new Column<>(name, false, Needs.NOTHING, value);
  }
}
