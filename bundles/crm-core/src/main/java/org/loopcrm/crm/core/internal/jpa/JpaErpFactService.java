package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpFact;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.PaymentReceived;
import org.loopcrm.crm.api.erp.ReceivableBalance;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.SyncConflict;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.core.internal.account.AccountRules;
import org.loopcrm.crm.core.internal.erp.ErpRules;
import org.loopcrm.crm.core.internal.json.Json;
import org.loopcrm.crm.core.internal.party.PartyRules;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies ERP facts exactly once: the message id goes into {@code crm_processed_message} in the
 * transaction that applies the effect, so a redelivered message finds it and changes nothing, and a
 * failed apply leaves no id behind. A poller's watermark is written in that same transaction, so a
 * crash can neither lose a fact nor apply one twice (decisions.md §23).
 */
@Component(service = ErpFactService.class)
public final class JpaErpFactService implements ErpFactService {
  static final String INVOICE_POSTED = "erp.invoice-posted";
  static final String PAYMENT_RECEIVED = "erp.payment-received";
  static final String RECEIVABLE_BALANCE = "erp.receivable-balance";
  static final String DOCUMENT_CHANGED = "erp.document-changed";
  static final String PARTY_CHANGED = "erp.party-changed";

  /** Who resolved a conflict the policy decided. */
  static final String POLICY = "policy";

  /** The audit record type of a stream's watermark. */
  static final String STREAM_RECORD = "erp-stream";

  private static final Actor ROUTE = Actor.system("erp");

  private final Transactions tx;
  private final Clock clock;
  private final LifecyclePolicy lifecycle;
  private final ErpSyncPolicy sync;

  /** Wired by DS once the schema is migrated. */
  @Activate
  public JpaErpFactService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference LifecyclePolicy lifecycle,
      @Reference ErpSyncPolicy sync) {
    this(emf, Clock.systemUTC(), lifecycle, sync);
  }

  JpaErpFactService(EntityManagerFactory emf, Clock clock) {
    this(emf, clock, LifecyclePolicy.defaults());
  }

  JpaErpFactService(EntityManagerFactory emf, Clock clock, LifecyclePolicy lifecycle) {
    this(emf, clock, lifecycle, ErpSyncPolicy.defaults());
  }

  JpaErpFactService(
      EntityManagerFactory emf, Clock clock, LifecyclePolicy lifecycle, ErpSyncPolicy sync) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.sync = sync;
  }

  @Override
  public ApplyOutcome applyInvoicePosted(InvoicePosted fact) {
    return apply(fact);
  }

  @Override
  public ApplyOutcome apply(ErpFact fact) {
    String consumer = consumer(fact);
    return tx.inTransaction(em -> applyIn(em, consumer, fact, now()));
  }

  @Override
  public ApplyOutcome apply(ErpFact fact, String stream, Watermark advanceTo) {
    String consumer = consumer(fact);
    Watermarks.check(fact.erpSystem(), stream, advanceTo);
    return tx.inTransaction(
        em -> {
          Instant now = now();
          ApplyOutcome outcome = applyIn(em, consumer, fact, now);
          Watermarks.advance(em, fact.erpSystem(), stream, advanceTo, now);
          return outcome;
        });
  }

  @Override
  public void advance(String erpSystem, String stream, Watermark to) {
    Watermarks.check(erpSystem, stream, to);
    tx.inTransaction(
        em -> {
          Watermarks.advance(em, erpSystem, stream, to, now());
          return null;
        });
  }

  @Override
  public Watermark watermark(String erpSystem, String stream) {
    return tx.readOnly(
        em -> {
          ErpWatermarkEntity w = Watermarks.find(em, erpSystem, stream);
          return w == null ? Watermark.ORIGIN : Watermarks.of(w);
        });
  }

  @Override
  public List<StreamPosition> streams() {
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select w from ErpWatermarkEntity w order by w.erpSystem, w.stream",
                    ErpWatermarkEntity.class)
                .getResultList()
                .stream()
                .map(Watermarks::position)
                .toList());
  }

  @Override
  public List<StreamPosition> streams(Actor actor) {
    require(actor, Resource.ERP_STREAM, Action.READ);
    return streams();
  }

  @Override
  public StreamPosition rewind(Actor actor, String erpSystem, String stream, Watermark to) {
    require(actor, Resource.ERP_STREAM, Action.UPDATE);
    Watermarks.check(erpSystem, stream, to);
    return tx.inTransaction(
        em -> {
          Instant now = now();
          ErpWatermarkEntity held = Watermarks.find(em, erpSystem, stream);
          Map<String, Object> before = held == null ? null : streamImage(held);
          ErpWatermarkEntity w = Watermarks.set(em, erpSystem, stream, to, now);
          em.flush();
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              STREAM_RECORD,
              streamRecordId(erpSystem, stream).toString(),
              before,
              streamImage(w),
              now);
          return Watermarks.position(w);
        });
  }

  /** The audit trail's id of a stream: the same for every rewind of it, so its history is one. */
  static UUID streamRecordId(String erpSystem, String stream) {
    return UUID.nameUUIDFromBytes(
        (STREAM_RECORD + ':' + erpSystem + '/' + stream).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> streamImage(ErpWatermarkEntity w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("erpSystem", w.erpSystem);
    m.put("stream", w.stream);
    m.put("changedAt", w.changedAt);
    m.put("lastId", w.lastId);
    return m;
  }

  @Override
  public void recordPushed(String erpSystem, UUID accountId, String erpRef, long accountVersion) {
    List<FieldError> errors = new ArrayList<>();
    String system = PartyRules.system(erpSystem, errors);
    String ref = PartyRules.externalId(erpRef, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    tx.inTransaction(
        em -> {
          Instant now = now();
          OrganizationEntity o = JpaAccountService.find(em, accountId);
          long versionBefore = o.version;
          String refField = "externalRef." + system;
          ExternalRefEntity ext = externalRefOf(em, o.id, system);
          Map<String, Object> before = new LinkedHashMap<>();
          before.put("erpRef", o.erpRef);
          before.put(refField, ext == null ? null : ext.externalId);
          // The reference must not name another account, as its ERP reference or an external one.
          JpaAccountService.checkErpRefFree(em, ref, o.id);
          checkExternalRefFree(em, system, ref, o.id);
          if (o.erpRef == null) {
            AccountRules.validUpdate(new AccountDraft(o.name, ref, o.taxId, o.owner, o.stage));
            o.erpRef = ref;
            o.updatedAt = now;
          }
          if (ext == null) {
            ext = new ExternalRefEntity();
            ext.id = UUID.randomUUID().toString();
            ext.partyId = o.id;
            ext.system = system;
            ext.externalId = ref;
            ext.createdAt = now;
            em.persist(ext);
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("erpRef", o.erpRef);
          after.put(refField, ext.externalId);
          if (!before.equals(after)) {
            em.flush();
            AuditLog.record(
                em, ROUTE, AuditAction.UPDATE, AuditLog.ACCOUNT, o.id, before, after, now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", o.id);
            data.put("erpSystem", system);
            data.put("erpRef", o.erpRef);
            data.put("externalId", ext.externalId);
            data.put("by", ROUTE.user());
            data.put("channel", ROUTE.channel());
            // Not account.updated: that would make the outbound connector push the account again.
            Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "account.erp-linked", data, now);
          }
          em.flush();
          ErpLinkEntity link = ErpMasterData.linkFor(em, o, system, ref, now);
          link.customerRef = ext.externalId;
          link.updatedAt = now;
          if (accountVersion == versionBefore) {
            // What was written is what the account was; linking it moved no field the ERP holds.
            ErpMasterData.agreed(link, o.version, now);
          } else {
            // The account changed after the connector read it: that change is still to be pushed.
            link.syncedVersion = accountVersion;
            link.syncedAt = now;
          }
          return null;
        });
  }

  @Override
  public Optional<String> agreedRef(String erpSystem, UUID accountId, long accountVersion) {
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select l from ErpLinkEntity l where l.accountId = :a and l.erpSystem = :s",
                    ErpLinkEntity.class)
                .setParameter("a", accountId.toString())
                .setParameter("s", erpSystem)
                .getResultList()
                .stream()
                .filter(
                    l ->
                        !l.pushPending
                            && l.syncedVersion != null
                            && l.syncedVersion == accountVersion)
                .map(l -> l.customerRef)
                .findFirst());
  }

  private static ExternalRefEntity externalRefOf(EntityManager em, String partyId, String system) {
    List<ExternalRefEntity> refs =
        em.createQuery(
                "select r from ExternalRefEntity r where r.partyId = :p and r.system = :s"
                    + " order by r.createdAt",
                ExternalRefEntity.class)
            .setParameter("p", partyId)
            .setParameter("s", system)
            .getResultList();
    return refs.isEmpty() ? null : refs.get(0);
  }

  private static void checkExternalRefFree(
      EntityManager em, String system, String ref, String accountId) {
    List<String> owners =
        em.createQuery(
                "select r.partyId from ExternalRefEntity r where r.system = :s"
                    + " and r.externalId = :id",
                String.class)
            .setParameter("s", system)
            .setParameter("id", ref)
            .getResultList();
    if (!owners.isEmpty() && !owners.get(0).equals(accountId)) {
      throw new ConflictException(
          "ERP reference " + system + " " + ref + " belongs to party " + owners.get(0));
    }
  }

  // --- applying facts

  private static String consumer(ErpFact fact) {
    if (fact instanceof InvoicePosted) {
      return INVOICE_POSTED;
    }
    if (fact instanceof PaymentReceived) {
      return PAYMENT_RECEIVED;
    }
    if (fact instanceof ReceivableBalance) {
      return RECEIVABLE_BALANCE;
    }
    if (fact instanceof DocumentChanged) {
      return DOCUMENT_CHANGED;
    }
    if (fact instanceof PartyChanged) {
      return PARTY_CHANGED;
    }
    throw new ValidationException(
        List.of(
            new FieldError(
                "fact",
                fact == null
                    ? "is required"
                    : "is no canonical fact this CRM applies: " + fact.getClass().getName())));
  }

  private ApplyOutcome applyIn(EntityManager em, String consumer, ErpFact fact, Instant now) {
    ProcessedMessageEntity.Key key = new ProcessedMessageEntity.Key(consumer, fact.messageId());
    if (em.find(ProcessedMessageEntity.class, key) != null) {
      return ApplyOutcome.DUPLICATE;
    }
    OrganizationEntity o =
        account(em, fact.erpSystem(), fact.customerRef(), fact instanceof PartyChanged);
    long versionBefore = o.version;
    ApplyOutcome outcome;
    if (fact instanceof InvoicePosted f) {
      outcome = invoice(em, o, f, now);
    } else if (fact instanceof PaymentReceived f) {
      outcome = payment(em, o, f, now);
    } else if (fact instanceof ReceivableBalance f) {
      outcome = balance(em, o, f, now);
    } else if (fact instanceof DocumentChanged f) {
      outcome = document(em, o, f, now);
    } else {
      outcome = party(em, o, (PartyChanged) fact, now);
    }
    // Stale and conflicting facts are processed too: a redelivery must not be weighed again.
    ProcessedMessageEntity done = new ProcessedMessageEntity();
    done.consumer = consumer;
    done.messageId = fact.messageId();
    done.processedAt = now;
    em.persist(done);
    if (!(fact instanceof PartyChanged)) {
      ErpMasterData.keepAgreement(em, o, versionBefore);
    }
    return outcome;
  }

  /**
   * The account a fact is about: the one whose ERP reference is the customer reference, else the
   * party holding the external reference (system, customer reference) — an account, or for facts
   * other than party changes a contact, which stands for its account. A party change of a contact
   * is no account's master data, so it finds no account.
   */
  static OrganizationEntity account(
      EntityManager em, String system, String customerRef, boolean ownOnly) {
    List<OrganizationEntity> byErpRef =
        em.createQuery(
                "select o from OrganizationEntity o where o.erpRef = :ref",
                OrganizationEntity.class)
            .setParameter("ref", customerRef)
            .getResultList();
    if (!byErpRef.isEmpty()) {
      return byErpRef.get(0);
    }
    List<String> parties =
        em.createQuery(
                "select r.partyId from ExternalRefEntity r where r.system = :s"
                    + " and r.externalId = :id",
                String.class)
            .setParameter("s", system)
            .setParameter("id", customerRef)
            .getResultList();
    if (!parties.isEmpty()) {
      OrganizationEntity o =
          ownOnly
              ? em.find(OrganizationEntity.class, parties.get(0))
              : JpaPartyService.accountOf(em, parties.get(0));
      if (o != null) {
        return o;
      }
    }
    throw new NotFoundException("account with ERP reference", customerRef);
  }

  private static void sameCurrency(OrganizationEntity o, String currency) {
    if (o.receivablesCurrency != null && !o.receivablesCurrency.equals(currency)) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "currency",
                  "is "
                      + currency
                      + " but the account's receivables are in "
                      + o.receivablesCurrency)));
    }
  }

  /**
   * Whether an invoice or payment of that time is in the ERP balance held already: the balance
   * replaced the sum, so adding it again would count it twice.
   */
  private static boolean inBalance(OrganizationEntity o, Instant at) {
    return o.balanceAsOf != null && !at.isAfter(o.balanceAsOf);
  }

  private ApplyOutcome invoice(
      EntityManager em, OrganizationEntity o, InvoicePosted f, Instant now) {
    sameCurrency(o, f.currency());
    Instant postedAt = Watermarks.micros(f.postedAt());
    if (!inBalance(o, postedAt)) {
      o.receivablesOpen = o.receivablesOpen.add(f.amount());
    }
    o.receivablesCurrency = f.currency();
    o.invoiceCount++;
    o.lastInvoice = f.invoiceNumber();
    o.receivablesUpdatedAt = now;
    o.updatedAt = now;
    PurchaseEntity purchase = new PurchaseEntity();
    purchase.partyId = o.id;
    purchase.erpSystem = f.erpSystem();
    purchase.invoiceNumber = f.invoiceNumber();
    purchase.amount = f.amount();
    purchase.currency = f.currency();
    purchase.postedAt = postedAt;
    purchase.messageId = f.messageId();
    purchase.recordedAt = now;
    em.persist(purchase);
    em.flush();
    Map<String, Object> data = receivablesData(o, "invoice");
    data.put("invoiceNumber", f.invoiceNumber());
    data.put("amount", f.amount());
    data.put("currency", f.currency());
    finish(data, o, f.messageId());
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "account.receivables-changed", data, now);
    // The purchase is a fact the lifecycle rules count: the stage moves in this transaction.
    Lifecycle.apply(em, o, lifecycle.rules(), now);
    return ApplyOutcome.APPLIED;
  }

  private static ApplyOutcome payment(
      EntityManager em, OrganizationEntity o, PaymentReceived f, Instant now) {
    sameCurrency(o, f.currency());
    Instant receivedAt = Watermarks.micros(f.receivedAt());
    if (!inBalance(o, receivedAt)) {
      o.receivablesOpen = o.receivablesOpen.subtract(f.amount());
    }
    o.receivablesCurrency = f.currency();
    o.paymentCount++;
    if (o.lastPaymentAt == null || receivedAt.isAfter(o.lastPaymentAt)) {
      o.lastPaymentAt = receivedAt;
    }
    o.receivablesUpdatedAt = now;
    o.updatedAt = now;
    PaymentEntity p = new PaymentEntity();
    p.partyId = o.id;
    p.erpSystem = f.erpSystem();
    p.paymentRef = f.paymentRef();
    p.invoiceNumber = f.invoiceNumber();
    p.amount = f.amount();
    p.currency = f.currency();
    p.receivedAt = receivedAt;
    p.messageId = f.messageId();
    p.recordedAt = now;
    em.persist(p);
    Map<String, Object> data = receivablesData(o, "payment");
    data.put("paymentRef", f.paymentRef());
    data.put("invoiceNumber", f.invoiceNumber());
    data.put("amount", f.amount());
    data.put("currency", f.currency());
    finish(data, o, f.messageId());
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "account.receivables-changed", data, now);
    return ApplyOutcome.APPLIED;
  }

  private static ApplyOutcome balance(
      EntityManager em, OrganizationEntity o, ReceivableBalance f, Instant now) {
    Instant asOf = Watermarks.micros(f.asOf());
    if (o.balanceAsOf != null && asOf.isBefore(o.balanceAsOf)) {
      return ApplyOutcome.STALE;
    }
    o.receivablesOpen = f.receivable();
    o.overdue = f.overdue();
    o.creditLimit = f.creditLimit();
    o.receivablesCurrency = f.currency();
    o.balanceAsOf = asOf;
    o.receivablesUpdatedAt = now;
    o.updatedAt = now;
    Map<String, Object> data = receivablesData(o, "balance");
    data.put("overdue", f.overdue());
    data.put("creditLimit", f.creditLimit());
    data.put("currency", f.currency());
    data.put("asOf", asOf);
    finish(data, o, f.messageId());
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "account.receivables-changed", data, now);
    return ApplyOutcome.APPLIED;
  }

  private static Map<String, Object> receivablesData(OrganizationEntity o, String fact) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", o.id);
    data.put("erpRef", o.erpRef);
    data.put("fact", fact);
    return data;
  }

  private static void finish(Map<String, Object> data, OrganizationEntity o, String messageId) {
    data.put("receivablesOpen", o.receivablesOpen);
    data.put("messageId", messageId);
    data.put("by", ROUTE.user());
    data.put("channel", ROUTE.channel());
  }

  /** The state name ERPs give a cancelled document (Tryton's, and the canonical messages'). */
  static final String CANCELLED = "cancelled";

  private static ApplyOutcome document(
      EntityManager em, OrganizationEntity o, DocumentChanged f, Instant now) {
    Instant changedAt = Watermarks.micros(f.changedAt());
    List<ErpDocumentEntity> held =
        em.createQuery(
                "select d from ErpDocumentEntity d where d.erpSystem = :s and d.kind = :k"
                    + " and d.documentRef = :ref",
                ErpDocumentEntity.class)
            .setParameter("s", f.erpSystem())
            .setParameter("k", f.kind())
            .setParameter("ref", f.documentRef())
            .getResultList();
    ErpDocumentEntity d = held.isEmpty() ? null : held.get(0);
    // Not after the change held: a late delivery, or the same change sent again under a new id.
    if (d != null && !changedAt.isAfter(d.changedAt)) {
      return ApplyOutcome.STALE;
    }
    boolean first = d == null;
    if (first) {
      d = new ErpDocumentEntity();
      d.erpSystem = f.erpSystem();
      d.kind = f.kind();
      d.documentRef = f.documentRef();
      d.firstSeenAt = now;
    }
    d.partyId = o.id;
    d.state = f.state();
    d.changedAt = changedAt;
    // A change that leaves a detail out (its number not assigned yet, say) keeps the one held.
    if (f.number() != null) {
      d.number = f.number();
    }
    if (f.amount() != null) {
      d.amount = f.amount();
      d.currency = f.currency();
    }
    if (f.crmRef() != null) {
      d.crmRef = f.crmRef();
    }
    if (first) {
      em.persist(d);
    }
    ErpDocumentChangeEntity c = new ErpDocumentChangeEntity();
    c.partyId = o.id;
    c.erpSystem = f.erpSystem();
    c.kind = f.kind();
    c.timelineKind = ErpRules.timelineKind(f.kind(), f.state());
    c.documentRef = f.documentRef();
    c.number = d.number;
    c.state = f.state();
    c.amount = d.amount;
    c.currency = d.currency;
    c.changedAt = changedAt;
    c.messageId = f.messageId();
    em.persist(c);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", o.id);
    data.put("erpRef", o.erpRef);
    data.put("erpSystem", d.erpSystem);
    data.put("kind", d.kind);
    data.put("documentRef", d.documentRef);
    data.put("number", d.number);
    data.put("state", d.state);
    data.put("amount", d.amount);
    data.put("currency", d.currency);
    data.put("crmRef", d.crmRef);
    data.put("changedAt", d.changedAt);
    data.put("messageId", f.messageId());
    data.put("by", ROUTE.user());
    data.put("channel", ROUTE.channel());
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "account.erp-document-changed", data, now);
    if (f.kind() == DocumentKind.SALE && CANCELLED.equals(f.state()) && d.crmRef != null) {
      stopProductionsOf(em, o, d.crmRef, now);
    }
    return ApplyOutcome.APPLIED;
  }

  /**
   * A sale the CRM commanded for an opportunity was cancelled in the ERP: the productions requested
   * for that opportunity are stopped too, in this transaction (decisions.md §35). Odoo leaves them
   * orphaned (odoo#26003).
   */
  private static void stopProductionsOf(
      EntityManager em, OrganizationEntity o, String saleCommandId, Instant now) {
    List<ErpCommandEntity> sale =
        em.createQuery(
                "select c from ErpCommandEntity c where c.commandId = :id and c.kind = :k",
                ErpCommandEntity.class)
            .setParameter("id", saleCommandId)
            .setParameter("k", DocumentKind.SALE)
            .getResultList();
    if (sale.isEmpty() || sale.get(0).opportunityId == null) {
      return;
    }
    JpaErpCommandService.stopProductions(em, ROUTE, o, sale.get(0).opportunityId, now);
  }

  /**
   * A party change: stale if older than the last one seen; applied if the CRM holds the same values
   * or has not changed the account since both sides last agreed (its version is the one the link
   * remembers); otherwise a conflict, handled by the policy and recorded whatever it is.
   */
  private ApplyOutcome party(EntityManager em, OrganizationEntity o, PartyChanged f, Instant now) {
    Instant changedAt = Watermarks.micros(f.changedAt());
    ErpLinkEntity link = ErpMasterData.link(em, o.id, f.erpSystem());
    if (link != null && link.erpChangedAt != null && changedAt.isBefore(link.erpChangedAt)) {
      return ApplyOutcome.STALE;
    }
    Map<String, String> erp = ErpMasterData.erpValues(f, o);
    Map<String, String> crm = ErpMasterData.crmValues(em, o);
    Map<String, String> differing = ErpMasterData.differing(erp, crm);
    if (link == null) {
      link = ErpMasterData.linkFor(em, o, f.erpSystem(), f.customerRef(), now);
    }
    link.customerRef = f.customerRef();
    link.erpChangedAt = changedAt;
    link.updatedAt = now;
    // No link yet, or never agreed: nothing the CRM did can be told from what the ERP did, and
    // the ERP owns the customer master, so its values are the first agreement.
    if (differing.isEmpty() || !ErpMasterData.changedSince(em, o, link)) {
      if (!differing.isEmpty()) {
        ErpMasterData.apply(em, o, differing, ROUTE, now);
      }
      ErpMasterData.agreed(link, o.version, now);
      return ApplyOutcome.APPLIED;
    }
    SyncConflictEntity c = new SyncConflictEntity();
    c.conflictId = UUID.randomUUID().toString();
    c.accountId = o.id;
    c.erpSystem = f.erpSystem();
    c.customerRef = f.customerRef();
    c.erpValues = Json.write(differing);
    Map<String, String> crmSide = new LinkedHashMap<>();
    differing.keySet().stream().filter(crm::containsKey).forEach(k -> crmSide.put(k, crm.get(k)));
    c.crmValues = Json.write(crmSide);
    c.erpChangedAt = changedAt;
    c.detectedAt = now;
    switch (sync.policy()) {
      case ERP_WINS -> {
        ErpMasterData.apply(em, o, differing, ROUTE, now);
        ErpMasterData.agreed(link, o.version, now);
        resolved(c, SyncConflict.Status.TOOK_ERP, POLICY, now);
      }
      case CRM_WINS -> {
        ErpMasterData.requestPush(em, o, link, ROUTE, now);
        resolved(c, SyncConflict.Status.KEPT_CRM, POLICY, now);
      }
      default -> c.status = SyncConflict.Status.OPEN;
    }
    em.persist(c);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", o.id);
    data.put("conflictId", c.conflictId);
    data.put("erpSystem", c.erpSystem);
    data.put("fields", List.copyOf(differing.keySet()));
    data.put("status", c.status);
    data.put("messageId", f.messageId());
    data.put("by", ROUTE.user());
    data.put("channel", ROUTE.channel());
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, "account.erp-conflict", data, now);
    return ApplyOutcome.CONFLICT;
  }

  static void resolved(SyncConflictEntity c, SyncConflict.Status status, String by, Instant now) {
    c.status = status;
    c.resolvedBy = by;
    c.resolvedAt = now;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
