package org.loopcrm.crm.erp.tryton.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.ErpFact;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.Watermark;

/**
 * The CRM side of the poller, recorded: which facts arrived, with which watermark, for which linked
 * parties. What the CRM does with them is crm-core's contract tests' and the ITs' business.
 */
class RecordingFacts implements ErpFactService {
  final Set<String> linked = new HashSet<>();
  final List<ErpFact> applied = new ArrayList<>();
  final Set<String> messageIds = new HashSet<>();
  final Map<String, Watermark> watermarks = new HashMap<>();

  @Override
  public ApplyOutcome applyInvoicePosted(InvoicePosted fact) {
    return apply(fact);
  }

  @Override
  public synchronized ApplyOutcome apply(ErpFact fact) {
    if (!linked.contains(fact.customerRef())) {
      throw new NotFoundException("account with ERP reference", fact.customerRef());
    }
    if (!messageIds.add(fact.messageId())) {
      return ApplyOutcome.DUPLICATE;
    }
    applied.add(fact);
    return ApplyOutcome.APPLIED;
  }

  @Override
  public synchronized ApplyOutcome apply(ErpFact fact, String stream, Watermark advanceTo) {
    ApplyOutcome outcome = apply(fact);
    advance(fact.erpSystem(), stream, advanceTo);
    return outcome;
  }

  @Override
  public synchronized void advance(String erpSystem, String stream, Watermark to) {
    watermarks.merge(erpSystem + "/" + stream, to, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  @Override
  public synchronized Watermark watermark(String erpSystem, String stream) {
    return watermarks.getOrDefault(erpSystem + "/" + stream, Watermark.ORIGIN);
  }

  @Override
  public List<StreamPosition> streams() {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public List<StreamPosition> streams(Actor actor) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public StreamPosition rewind(Actor actor, String erpSystem, String stream, Watermark to) {
    throw new UnsupportedOperationException("not used by the poller");
  }

  @Override
  public void recordPushed(String erpSystem, UUID accountId, String erpRef, long accountVersion) {
    linked.add(erpRef);
  }

  synchronized <T extends ErpFact> List<T> of(Class<T> type, String customerRef) {
    return applied.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(f -> f.customerRef().equals(customerRef))
        .toList();
  }
}
