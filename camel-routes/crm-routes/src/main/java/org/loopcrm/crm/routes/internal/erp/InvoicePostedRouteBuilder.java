package org.loopcrm.crm.routes.internal.erp;

import static org.loopcrm.crm.routes.internal.RouteProperties.DEAD_LETTER_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.INBOUND_QUEUE;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Applies canonical "invoice posted" messages from the ERP to the accounts' receivables.
 *
 * <p>Route {@value #ROUTE_ID}, stages:
 *
 * <ol>
 *   <li>consumes the {@code inboundQueue} in a local JMS transaction, one message at a time;
 *   <li>parses the JSON into a map with the embedded Jackson (floats as {@code BigDecimal}; no type
 *       is ever taken from the message or its headers);
 *   <li>{@link InvoicePostedParser} checks {@code schemaVersion} = 1 and the field types and builds
 *       an {@link InvoicePosted}, which validates itself;
 *   <li>{@link ErpFactService#applyInvoicePosted} applies it; the service records the message id in
 *       the same database transaction as the effect, so a redelivered message changes nothing
 *       (outcome {@code DUPLICATE}, in header {@value #HEADER_OUTCOME});
 *   <li>the JMS transaction commits.
 * </ol>
 *
 * <p>Failures: malformed JSON, a wrong schema version, invalid fields ({@link ValidationException})
 * or an unknown customer ({@link NotFoundException}) can never succeed: the original body goes to
 * the {@code deadLetterQueue} with the header {@value DeadLetterReason#HEADER} and the message is
 * consumed, not retried. Any other failure (the database is down, say) rolls the JMS transaction
 * back and the broker redelivers the message.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class InvoicePostedRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-erp-invoice-posted";

  static final String HEADER_OUTCOME = "CrmApplyOutcome";

  private final ErpFactService erpFacts;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public InvoicePostedRouteBuilder(@Reference ErpFactService erpFacts) {
    this.erpFacts = erpFacts;
  }

  @Override
  public void configure() {
    InboundQueue.from(this, ROUTE_ID, INBOUND_QUEUE, DEAD_LETTER_QUEUE, "Invoice message")
        .process(new JsonObjectReader(getContext()))
        .process(new InvoicePostedParser())
        .process(this::apply)
        .log(
            LoggingLevel.DEBUG,
            "Invoice message ${header.JMSMessageID}: ${header." + HEADER_OUTCOME + "}");
  }

  private void apply(Exchange exchange) throws Exception {
    InvoicePosted fact = exchange.getMessage().getMandatoryBody(InvoicePosted.class);
    ApplyOutcome outcome = erpFacts.applyInvoicePosted(fact);
    exchange.getMessage().setHeader(HEADER_OUTCOME, outcome.name());
  }
}
