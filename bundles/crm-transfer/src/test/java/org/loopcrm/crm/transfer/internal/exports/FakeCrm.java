package org.loopcrm.crm.transfer.internal.exports;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.party.PostalAddress;

/**
 * The account, party and audit services an export reads, as fakes: accounts come from a generator
 * by index (so 50,000 of them need no memory), pages are counted, audit entries kept.
 */
final class FakeCrm {
  static final Actor ACTOR = new Actor("ada", Set.of(Role.CRM_USER), Actor.Channel.REST);
  static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  final int size;
  final IntFunction<Account> generator;
  final Map<UUID, List<Contact>> contacts = new HashMap<>();
  final Map<UUID, List<ContactMechanism>> mechanisms = new HashMap<>();
  final Map<UUID, List<String>> tags = new HashMap<>();
  final List<Map<String, String>> audits = new ArrayList<>();
  final List<AccountQuery> queries = new ArrayList<>();
  int pagesServed;

  FakeCrm(List<Account> accounts) {
    this(accounts.size(), accounts::get);
  }

  FakeCrm(int size, IntFunction<Account> generator) {
    this.size = size;
    this.generator = generator;
  }

  ExportServiceImpl service() {
    return new ExportServiceImpl(accounts(), parties(), audit());
  }

  static Account account(String name, Receivables receivables) {
    UUID id = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new Account(
        id,
        name,
        "ERP-" + name.length(),
        "DE123456789",
        "ada",
        LifecycleStage.CUSTOMER,
        AccountStatus.ACTIVE,
        receivables,
        3,
        AT,
        AT);
  }

  static Receivables open(String amount) {
    return new Receivables(new BigDecimal(amount), "EUR", 2, "INV-2", AT);
  }

  static ContactMechanism email(UUID party, UUID account, String value) {
    return mechanism(party, account, MechanismKind.EMAIL, value, null);
  }

  static ContactMechanism phone(UUID party, UUID account, String value) {
    return mechanism(party, account, MechanismKind.PHONE, value, null);
  }

  static ContactMechanism postal(UUID party, UUID account, PostalAddress address) {
    return mechanism(party, account, MechanismKind.POSTAL, null, address);
  }

  static ContactMechanism mechanism(
      UUID party, UUID account, MechanismKind kind, String value, PostalAddress address) {
    return new ContactMechanism(
        UUID.randomUUID(),
        party,
        account,
        kind,
        value,
        null,
        address,
        Set.of(MechanismPurpose.PRIMARY),
        null,
        null,
        List.of(),
        0,
        AT,
        AT);
  }

  static Contact contact(UUID account, String first, String last, String email) {
    return new Contact(
        UUID.nameUUIDFromBytes((account + first + last).getBytes()),
        account,
        first,
        last,
        email,
        null,
        "CTO",
        0,
        AT,
        AT);
  }

  AccountService accounts() {
    return proxy(
        AccountService.class,
        (method, args) ->
            switch (method) {
              case "list" -> list((AccountQuery) args[1]);
              case "contacts" -> contacts.getOrDefault((UUID) args[1], List.of());
              default -> throw new UnsupportedOperationException(method);
            });
  }

  PartyService parties() {
    return proxy(
        PartyService.class,
        (method, args) ->
            switch (method) {
              case "mechanisms" ->
                  mechanisms.getOrDefault(((PartyKey) args[1]).partyId(), List.of());
              case "tags" -> tags.getOrDefault(((PartyKey) args[1]).partyId(), List.of());
              default -> throw new UnsupportedOperationException(method);
            });
  }

  AuditService audit() {
    return proxy(
        AuditService.class,
        (method, args) -> {
          if (!method.equals("recordExport")) {
            throw new UnsupportedOperationException(method);
          }
          @SuppressWarnings("unchecked")
          Map<String, String> details = (Map<String, String>) args[1];
          audits.add(new LinkedHashMap<>(details));
          return null;
        });
  }

  private Page<Account> list(AccountQuery q) {
    queries.add(q);
    pagesServed++;
    int from = q.cursor() == null ? 0 : Integer.parseInt(q.cursor());
    int to = Math.min(size, from + q.limit());
    List<Account> items = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      items.add(generator.apply(i));
    }
    return new Page<>(items, to < size ? Optional.of(Integer.toString(to)) : Optional.empty());
  }

  @FunctionalInterface
  interface Handler {
    Object call(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            FakeCrm.class.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) ->
                switch (m.getName()) {
                  case "toString" -> type.getSimpleName() + " fake";
                  case "hashCode" -> System.identityHashCode(p);
                  case "equals" -> p == args[0];
                  default -> handler.call(m.getName(), args);
                }));
  }
}
