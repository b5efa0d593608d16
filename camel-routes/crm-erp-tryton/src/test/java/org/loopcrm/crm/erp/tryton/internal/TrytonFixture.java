package org.loopcrm.crm.erp.tryton.internal;

import java.util.List;

/** What a person would do in Tryton during a test: post the invoices a confirmed sale made. */
final class TrytonFixture {
  private TrytonFixture() {}

  static List<Long> postInvoicesOf(TrytonModels models, long sale) {
    // Confirming a sale makes its invoice (invoice method "order") inside the confirm call, or
    // through the sale's process; both have run when confirm returns.
    List<Long> invoices =
        TrytonErp.ids(models.readOne("sale.sale", sale, "invoices").get("invoices"));
    if (invoices.isEmpty()) {
      throw new IllegalStateException("sale " + sale + " has no invoice to post");
    }
    for (long invoice : invoices) {
      models.button("account.invoice", "post", invoice);
    }
    return invoices;
  }
}
