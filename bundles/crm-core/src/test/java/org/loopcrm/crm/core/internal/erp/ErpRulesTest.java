package org.loopcrm.crm.core.internal.erp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.erp.DocumentKind;

class ErpRulesTest {
  @Test
  void aStateBecomesATokenTheTimelineFilterAccepts() {
    assertThat(ErpRules.timelineKind(DocumentKind.SALE, "confirmed")).isEqualTo("sale.confirmed");
    assertThat(ErpRules.timelineKind(DocumentKind.SHIPMENT, " Picked Up "))
        .isEqualTo("shipment.picked_up");
    assertThat(ErpRules.timelineKind(DocumentKind.PRODUCTION, "2-running"))
        .isEqualTo("production.running");
    assertThat(ErpRules.timelineKind(DocumentKind.PROJECT, "42")).isEqualTo("project.changed");
    assertThat(ErpRules.timelineKind(DocumentKind.INVOICE, "x".repeat(60)))
        .isEqualTo("invoice." + "x".repeat(40));
  }
}
