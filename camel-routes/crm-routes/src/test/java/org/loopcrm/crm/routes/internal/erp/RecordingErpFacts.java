package org.loopcrm.crm.routes.internal.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * customer, and can be told to fail like a database that is down. Facts of the other kinds and the
 * watermarks are recorded as they come, so route tests can assert what reached the service.
 */
public final class RecordingErpFacts implements ErpFactService {
  static final String KNOWN_CUSTOMER = "C-1";

  /** The customers the double knows; tests add some to "fix" dead-lettered facts. */
  public final Set<String> knownCustomers = ConcurrentHashMap.newKeySet();

  final List<InvoicePosted> calls = new CopyOnWriteArrayList<>();
  final List<ApplyOutcome> outcomes = new CopyOnWriteArrayList<>();
  final AtomicInteger transientFailures = new AtomicInteger();
  public final List<ErpFact> facts = new CopyOnWriteArrayList<>();
  public final Map<String, Watermark> watermarks = new ConcurrentHashMap<>();
  private final Set<String> applied = ConcurrentHashMap.newKeySet();

  public RecordingErpFacts() {
    knownCustomers.add(KNOWN_CUSTOMER);
  }

  @Override
  public ApplyOutcome applyInvoicePosted(InvoicePosted fact) {
    return apply(fact);
  }

  /** Records every delivery (failed ones too), then fails, refuses or dedupes like the service. */
  @Override
  public ApplyOutcome apply(ErpFact fact) {
    facts.add(fact);
    if (fact instanceof InvoicePosted invoice) {
      calls.add(invoice);
    }
    if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("database down");
    }
    if (!knownCustomers.contains(fact.customerRef())) {
      throw new NotFoundException("account with ERP reference", fact.customerRef());
    }
    ApplyOutcome outcome =
        applied.add(fact.messageId()) ? ApplyOutcome.APPLIED : ApplyOutcome.DUPLICATE;
    outcomes.add(outcome);
    return outcome;
  }

  @Override
  public ApplyOutcome apply(ErpFact fact, String stream, Watermark advanceTo) {
    ApplyOutcome outcome = apply(fact);
    advance(fact.erpSystem(), stream, advanceTo);
    return outcome;
  }

  @Override
  public void advance(String erpSystem, String stream, Watermark to) {
    watermarks.merge(
        erpSystem + '/' + stream, to, (held, next) -> held.compareTo(next) < 0 ? next : held);
  }

  @Override
  public Watermark watermark(String erpSystem, String stream) {
    return watermarks.getOrDefault(erpSystem + '/' + stream, Watermark.ORIGIN);
  }

  @Override
  public List<StreamPosition> streams() {
    List<StreamPosition> out = new ArrayList<>();
    watermarks.forEach(
        (key, mark) -> {
          String[] parts = key.split("/", 2);
          out.add(new StreamPosition(parts[0], parts[1], mark, null));
        });
    return out;
  }

  @Override
  public List<StreamPosition> streams(Actor actor) {
    return streams();
  }

  @Override
  public StreamPosition rewind(Actor actor, String erpSystem, String stream, Watermark to) {
    watermarks.put(erpSystem + '/' + stream, to);
    return new StreamPosition(erpSystem, stream, to, null);
  }

  @Override
  public void recordPushed(String erpSystem, UUID accountId, String erpRef, long accountVersion) {
    throw new UnsupportedOperationException("no route test pushes accounts");
  }

  public boolean applied(String messageId) {
    return applied.contains(messageId);
  }
}
