package org.loopcrm.crm.erp.tryton.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.port.CustomerRecord;
import org.loopcrm.crm.api.erp.port.PostalAddress;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyService;

/**
 * Writes an account to the ERP as it is now: reading the current state (not the event's) makes the
 * order events arrive in irrelevant, and a redelivered event harmless.
 */
final class CustomerPush {
  static final Actor ACTOR = Actor.system(TrytonErp.SYSTEM);

  private final AccountService accounts;
  private final PartyService parties;
  private final CustomerWriter erp;
  private final ErpFactService facts;

  CustomerPush(
      AccountService accounts, PartyService parties, CustomerWriter erp, ErpFactService facts) {
    this.accounts = accounts;
    this.parties = parties;
    this.erp = erp;
    this.facts = facts;
  }

  /**
   * One account is written by one thread at a time: the customer route and the command route may
   * both write a new account at once, and two look-ups before create that both find nothing would
   * make two parties (and race on the link). Striped, so unrelated accounts do not wait.
   */
  private final Object[] locks = new Object[64];

  {
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Pushes the account and records the link; returns the party's id in the ERP.
   *
   * @param mechanismsChanged its contact mechanisms changed: they have versions of their own, so
   *     the account's version cannot tell whether the ERP holds them
   */
  String push(UUID accountId, boolean mechanismsChanged) {
    synchronized (locks[Math.floorMod(accountId.hashCode(), locks.length)]) {
      return pushNow(accountId, mechanismsChanged);
    }
  }

  private String pushNow(UUID accountId, boolean mechanismsChanged) {
    Account account = accounts.get(ACTOR, accountId);
    Optional<String> held = facts.agreedRef(erp.system(), accountId, account.version());
    if (held.isPresent() && !mechanismsChanged) {
      // Tryton holds this version already (the connector wrote it, or Tryton's own change made it):
      // writing it again would echo Tryton's change back, possibly over a newer one.
      return held.get();
    }
    List<ContactMechanism> mechanisms = parties.mechanisms(ACTOR, PartyKey.account(accountId));
    List<PostalAddress> addresses = new ArrayList<>();
    for (ContactMechanism m : mechanisms) {
      if (m.kind() == MechanismKind.POSTAL && m.address() != null) {
        boolean primary = m.purposes().contains(MechanismPurpose.PRIMARY);
        addresses.add(
            new PostalAddress(
                m.address().street(),
                m.address().postalCode(),
                m.address().city(),
                m.address().country(),
                primary || m.purposes().contains(MechanismPurpose.BILLING),
                primary || m.purposes().contains(MechanismPurpose.SHIPPING)));
      }
    }
    CustomerRecord record =
        new CustomerRecord(
            account.id(),
            account.erpRef(),
            account.name(),
            account.taxId(),
            value(mechanisms, MechanismKind.EMAIL).orElse(null),
            value(mechanisms, MechanismKind.PHONE).orElse(null),
            value(mechanisms, MechanismKind.WEB).orElse(null),
            addresses,
            null);
    // Only the contact mechanisms changed at a version Tryton holds: its party has this version of
    // the account's own fields, or a newer one the poller has not brought back yet (a party renamed
    // in Tryton). Writing the CRM's name would undo Tryton's change before the CRM ever saw it, and
    // reading Tryton's name first would only narrow that race, so the name and tax id are not
    // written at all.
    String ref =
        held.isPresent() ? erp.writeContactDetails(held.get(), record) : erp.upsertCustomer(record);
    facts.recordPushed(erp.system(), account.id(), ref, account.version());
    return ref;
  }

  /** The primary mechanism of a kind, else the first one. */
  private static Optional<String> value(List<ContactMechanism> mechanisms, MechanismKind kind) {
    return mechanisms.stream()
        .filter(m -> m.kind() == kind && m.value() != null)
        .sorted(
            (a, b) ->
                Boolean.compare(
                    b.purposes().contains(MechanismPurpose.PRIMARY),
                    a.purposes().contains(MechanismPurpose.PRIMARY)))
        .map(ContactMechanism::value)
        .findFirst();
  }
}
