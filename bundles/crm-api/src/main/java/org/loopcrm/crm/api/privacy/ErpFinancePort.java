package org.loopcrm.crm.api.privacy;

import java.util.List;

/**
 * The ERP's finance side, asked before personal data is erased: an ERP connector registers an
 * implementation as an OSGi service (any number may be registered; every one is asked).
 *
 * <p>An implementation answers with the legal holds it knows, e.g. open receivables or open sales
 * of the subject's ERP parties, as the ERP's own erasure would refuse them. An empty list means
 * "nothing holds the data here". When it cannot tell (the ERP is down, say) it must throw: the
 * erasure is then refused, never made on an unchecked subject.
 */
public interface ErpFinancePort {

  /** Service property naming the ERP, e.g. {@code tryton}; used as the holds' source. */
  String ERP_SYSTEM = "crm.erp.system";

  /**
   * The legal holds on the subject's data.
   *
   * @throws RuntimeException when the holds cannot be checked; the erasure is refused
   */
  List<LegalHold> legalHolds(ErasureSubject subject);
}
