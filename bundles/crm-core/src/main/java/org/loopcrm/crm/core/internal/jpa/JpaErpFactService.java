package org.loopcrm.crm.core.internal.jpa;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Applies ERP facts exactly once: the message id goes into {@code crm_processed_message} in the
 * transaction that applies the effect, so a redelivered message finds it and changes nothing, and a
 * failed apply leaves no id behind.
 */
@Component(service = ErpFactService.class)
public final class JpaErpFactService implements ErpFactService {
  static final String INVOICE_POSTED = "erp.invoice-posted";
  private static final Actor ROUTE = Actor.system("erp");

  private final Transactions tx;
  private final Clock clock;
  private final LifecyclePolicy lifecycle;

  /** Wired by DS once the schema is migrated. */
  @Activate
  public JpaErpFactService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference LifecyclePolicy lifecycle) {
    this(emf, Clock.systemUTC(), lifecycle);
  }

  JpaErpFactService(EntityManagerFactory emf, Clock clock) {
    this(emf, clock, LifecyclePolicy.defaults());
  }

  JpaErpFactService(EntityManagerFactory emf, Clock clock, LifecyclePolicy lifecycle) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.lifecycle = lifecycle;
  }

  @Override
  public ApplyOutcome applyInvoicePosted(InvoicePosted fact) {
    return tx.inTransaction(
        em -> {
          ProcessedMessageEntity.Key key =
              new ProcessedMessageEntity.Key(INVOICE_POSTED, fact.messageId());
          if (em.find(ProcessedMessageEntity.class, key) != null) {
            return ApplyOutcome.DUPLICATE;
          }
          List<OrganizationEntity> found =
              em.createQuery(
                      "select o from OrganizationEntity o where o.erpRef = :ref",
                      OrganizationEntity.class)
                  .setParameter("ref", fact.customerRef())
                  .getResultList();
          if (found.isEmpty()) {
            throw new NotFoundException("account with ERP reference", fact.customerRef());
          }
          OrganizationEntity o = found.get(0);
          if (o.receivablesCurrency != null && !o.receivablesCurrency.equals(fact.currency())) {
            throw new ValidationException(
                List.of(
                    new FieldError(
                        "currency",
                        "is "
                            + fact.currency()
                            + " but the account's receivables are in "
                            + o.receivablesCurrency)));
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          o.receivablesOpen = o.receivablesOpen.add(fact.amount());
          o.receivablesCurrency = fact.currency();
          o.invoiceCount++;
          o.lastInvoice = fact.invoiceNumber();
          o.receivablesUpdatedAt = now;
          o.updatedAt = now;
          ProcessedMessageEntity done = new ProcessedMessageEntity();
          done.consumer = INVOICE_POSTED;
          done.messageId = fact.messageId();
          done.processedAt = now;
          em.persist(done);
          PurchaseEntity purchase = new PurchaseEntity();
          purchase.partyId = o.id;
          purchase.erpSystem = fact.erpSystem();
          purchase.invoiceNumber = fact.invoiceNumber();
          purchase.amount = fact.amount();
          purchase.currency = fact.currency();
          purchase.postedAt = fact.postedAt().truncatedTo(ChronoUnit.MICROS);
          purchase.messageId = fact.messageId();
          purchase.recordedAt = now;
          em.persist(purchase);
          em.flush();
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("id", o.id);
          data.put("erpRef", o.erpRef);
          data.put("invoiceNumber", fact.invoiceNumber());
          data.put("amount", fact.amount());
          data.put("currency", fact.currency());
          data.put("receivablesOpen", o.receivablesOpen);
          data.put("messageId", fact.messageId());
          data.put("by", ROUTE.user());
          data.put("channel", ROUTE.channel());
          Outbox.append(
              em, JpaAccountService.ACCOUNT, o.id, "account.receivables-changed", data, now);
          // The purchase is a fact the lifecycle rules count: the stage moves in this transaction.
          Lifecycle.apply(em, o, lifecycle.rules(), now);
          return ApplyOutcome.APPLIED;
        });
  }
}
