package org.loopcrm.crm.routes.internal.erp;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.ErpFact;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.Watermark;

/**
 * A test double of the ERP fact service: dedupes on the message id as the real one does, knows one
 * customer, and can be told to fail like a database that is down.
 */
final class RecordingErpFacts implements ErpFactService {
  static final String KNOWN_CUSTOMER = "C-1";

  final List<InvoicePosted> calls = new CopyOnWriteArrayList<>();
  final List<ErpFact> facts = new CopyOnWriteArrayList<>();
  final List<ApplyOutcome> outcomes = new CopyOnWriteArrayList<>();
  final AtomicInteger transientFailures = new AtomicInteger();
  private final Set<String> applied = ConcurrentHashMap.newKeySet();

  @Override
  public ApplyOutcome applyInvoicePosted(InvoicePosted fact) {
    calls.add(fact);
    return apply(fact);
  }

  @Override
  public ApplyOutcome apply(ErpFact fact) {
    facts.add(fact);
    if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("database down");
    }
    if (!KNOWN_CUSTOMER.equals(fact.customerRef())) {
      throw new NotFoundException("account with ERP reference", fact.customerRef());
    }
    ApplyOutcome outcome =
        applied.add(fact.messageId()) ? ApplyOutcome.APPLIED : ApplyOutcome.DUPLICATE;
    outcomes.add(outcome);
    return outcome;
  }

  @Override
  public ApplyOutcome apply(ErpFact fact, String stream, Watermark advanceTo) {
    throw new UnsupportedOperationException("no route here polls");
  }

  @Override
  public void advance(String erpSystem, String stream, Watermark to) {
    throw new UnsupportedOperationException("no route here polls");
  }

  @Override
  public Watermark watermark(String erpSystem, String stream) {
    return Watermark.ORIGIN;
  }

  @Override
  public List<StreamPosition> streams() {
    return List.of();
  }

  @Override
  public StreamPosition rewind(Actor actor, String erpSystem, String stream, Watermark to) {
    throw new UnsupportedOperationException("no route here polls");
  }

  @Override
  public void recordPushed(String erpSystem, UUID accountId, String erpRef, long accountVersion) {
    throw new UnsupportedOperationException("no route here pushes");
  }

  boolean applied(String messageId) {
    return applied.contains(messageId);
  }
}
