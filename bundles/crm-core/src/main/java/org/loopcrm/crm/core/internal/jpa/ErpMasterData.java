package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.port.PostalAddress;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.core.internal.account.AccountRules;
import org.loopcrm.crm.core.internal.party.PartyRules;

/**
 * The master data the ERP keeps of an account (name, tax id, primary e-mail and phone): read from a
 * party change and from the CRM in one normal form, so that "differs" means differs, and applied to
 * the account; and the per-system link that remembers what both sides last agreed on.
 */
final class ErpMasterData {
  static final String NAME = "name";
  static final String TAX_ID = "taxId";
  static final String EMAIL = "email";
  static final String PHONE = "phone";

  private ErpMasterData() {}

  /**
   * The fact's values as the CRM stores them (tax id normalised, e-mail domain lower-cased, phone
   * in E.164). A field the ERP leaves empty is absent: the ERP not knowing a value does not clear
   * the CRM's. A national phone number is read in the country of the party's first address.
   *
   * @throws ValidationException naming the field the CRM cannot store
   */
  static Map<String, String> erpValues(PartyChanged f, OrganizationEntity o) {
    AccountDraft d =
        AccountRules.validUpdate(new AccountDraft(f.name(), o.erpRef, f.taxId(), o.owner, o.stage));
    Map<String, String> values = new LinkedHashMap<>();
    values.put(NAME, d.name());
    if (d.taxId() != null) {
      values.put(TAX_ID, d.taxId());
    }
    if (f.email() != null && !f.email().isBlank()) {
      values.put(EMAIL, mechanism(EMAIL, MechanismKind.EMAIL, f.email(), null));
    }
    if (f.phone() != null && !f.phone().isBlank()) {
      String region =
          f.addresses().stream()
              .map(PostalAddress::country)
              .filter(c -> c != null && !c.isBlank())
              .findFirst()
              .orElse(null);
      values.put(PHONE, mechanism(PHONE, MechanismKind.PHONE, f.phone(), region));
    }
    return values;
  }

  private static String mechanism(String field, MechanismKind kind, String raw, String region) {
    try {
      return PartyRules.valid(
              new ContactMechanismDraft(
                  kind, raw, null, region, null, Set.of(MechanismPurpose.PRIMARY), null, null))
          .value();
    } catch (ValidationException e) {
      throw new ValidationException(
          e.errors().stream().map(x -> new FieldError(field, x.message())).toList());
    }
  }

  /** The CRM's values of the same fields; a field without a value is absent. */
  static Map<String, String> crmValues(EntityManager em, OrganizationEntity o) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(NAME, o.name);
    if (o.taxId != null) {
      values.put(TAX_ID, o.taxId);
    }
    ContactMechanismEntity email = primary(em, o.id, MechanismKind.EMAIL);
    if (email != null && email.value != null) {
      values.put(EMAIL, email.value);
    }
    ContactMechanismEntity phone = primary(em, o.id, MechanismKind.PHONE);
    if (phone != null && phone.value != null) {
      values.put(PHONE, phone.value);
    }
    return values;
  }

  /** The entries of {@code erp} whose value the CRM does not hold. */
  static Map<String, String> differing(Map<String, String> erp, Map<String, String> crm) {
    Map<String, String> diff = new LinkedHashMap<>();
    erp.forEach(
        (k, v) -> {
          if (!v.equals(crm.get(k))) {
            diff.put(k, v);
          }
        });
    return diff;
  }

  /**
   * Writes the values onto the account as {@code actor}: one audited update (fields as the API
   * names them, e-mail and phone included), the version moves, and {@code account.updated} goes
   * out.
   */
  static void apply(
      EntityManager em,
      OrganizationEntity o,
      Map<String, String> values,
      Actor actor,
      Instant now) {
    Map<String, Object> before = image(em, o);
    values.forEach(
        (field, v) -> {
          switch (field) {
            case NAME -> {
              o.name = v;
              o.sortName = v.toLowerCase(Locale.ROOT);
            }
            case TAX_ID -> o.taxId = v;
            case EMAIL -> setPrimary(em, o, MechanismKind.EMAIL, v, now);
            case PHONE -> setPrimary(em, o, MechanismKind.PHONE, v, now);
            default -> throw new IllegalArgumentException("not an ERP master-data field: " + field);
          }
        });
    // Also when only a mechanism changed: the account's version is what conflict detection reads.
    o.updatedAt = now;
    em.flush();
    AuditLog.record(
        em, actor, AuditAction.UPDATE, AuditLog.ACCOUNT, o.id, before, image(em, o), now);
    Outbox.append(
        em,
        JpaAccountService.ACCOUNT,
        o.id,
        "account.updated",
        JpaAccountService.snapshot(o, actor),
        now);
  }

  /**
   * Marks the account to be written back to the ERP: the link says so, and an {@code
   * account.updated} event (with {@code erpPush} naming the system) wakes the outbound connector.
   */
  static void requestPush(
      EntityManager em, OrganizationEntity o, ErpLinkEntity link, Actor actor, Instant now) {
    link.pushPending = true;
    link.updatedAt = now;
    Map<String, Object> data = JpaAccountService.snapshot(o, actor);
    data.put("erpPush", link.erpSystem);
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "account.updated", data, now);
  }

  private static Map<String, Object> image(EntityManager em, OrganizationEntity o) {
    Map<String, Object> m = JpaAccountService.image(o);
    Map<String, String> crm = crmValues(em, o);
    m.put(EMAIL, crm.get(EMAIL));
    m.put(PHONE, crm.get(PHONE));
    return m;
  }

  static ContactMechanismEntity primary(EntityManager em, String partyId, MechanismKind kind) {
    List<ContactMechanismEntity> found =
        em.createQuery(
                "select m from ContactMechanismEntity m where m.partyId = :p"
                    + " and m.primaryKind = :kind",
                ContactMechanismEntity.class)
            .setParameter("p", partyId)
            .setParameter("kind", kind)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  private static void setPrimary(
      EntityManager em, OrganizationEntity o, MechanismKind kind, String value, Instant now) {
    ContactMechanismEntity m = primary(em, o.id, kind);
    if (m != null) {
      m.value = value;
      m.updatedAt = now;
      return;
    }
    m = new ContactMechanismEntity();
    m.id = UUID.randomUUID().toString();
    m.partyId = o.id;
    m.kind = kind;
    m.value = value;
    m.purposes = MechanismPurpose.PRIMARY.name();
    m.primaryKind = kind;
    m.createdAt = now;
    m.updatedAt = now;
    em.persist(m);
  }

  /** The account's link to the system, or null. */
  static ErpLinkEntity link(EntityManager em, String accountId, String system) {
    List<ErpLinkEntity> found =
        em.createQuery(
                "select l from ErpLinkEntity l where l.accountId = :a and l.erpSystem = :s",
                ErpLinkEntity.class)
            .setParameter("a", accountId)
            .setParameter("s", system)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  /** The account's link to the system, created (never agreed on yet) if there is none. */
  static ErpLinkEntity linkFor(
      EntityManager em, OrganizationEntity o, String system, String customerRef, Instant now) {
    ErpLinkEntity l = link(em, o.id, system);
    if (l == null) {
      l = new ErpLinkEntity();
      l.id = UUID.randomUUID().toString();
      l.accountId = o.id;
      l.erpSystem = system;
      l.customerRef = customerRef;
      l.updatedAt = now;
      em.persist(l);
    }
    return l;
  }

  /** Both sides agree on the account as it is now, at version {@code version}. */
  static void agreed(ErpLinkEntity l, long version, Instant now) {
    l.syncedVersion = version;
    l.syncedAt = now;
    l.pushPending = false;
    l.updatedAt = now;
  }

  /**
   * Whether the CRM changed the account since the link's last agreement: its version moved (every
   * account edit moves it), or a primary e-mail or phone mechanism changed, which moves only the
   * mechanism's own version. False when the two never agreed.
   */
  static boolean changedSince(EntityManager em, OrganizationEntity o, ErpLinkEntity l) {
    if (l.syncedVersion == null) {
      return false;
    }
    if (l.syncedVersion != o.version) {
      return true;
    }
    return l.syncedAt != null
        && em.createQuery(
                    "select count(m) from ContactMechanismEntity m where m.partyId = :p"
                        + " and m.primaryKind in :kinds and m.updatedAt > :at",
                    Long.class)
                .setParameter("p", o.id)
                .setParameter("kinds", List.of(MechanismKind.EMAIL, MechanismKind.PHONE))
                .setParameter("at", l.syncedAt)
                .getSingleResult()
            > 0;
  }

  /**
   * Keeps the links that were in agreement at {@code versionBefore} in agreement after a change of
   * no field the ERP holds that follows from the ERP's own facts (the receivables it told, the
   * stage the lifecycle rules derive from its invoices): such a change moves the account's version
   * but is no CRM edit, so it must not turn the ERP's next party change into a conflict.
   */
  static void keepAgreement(EntityManager em, OrganizationEntity o, long versionBefore) {
    em.flush();
    if (o.version == versionBefore) {
      return;
    }
    for (ErpLinkEntity l :
        em.createQuery(
                "select l from ErpLinkEntity l where l.accountId = :a and l.syncedVersion = :v",
                ErpLinkEntity.class)
            .setParameter("a", o.id)
            .setParameter("v", versionBefore)
            .getResultList()) {
      l.syncedVersion = o.version;
    }
  }
}
