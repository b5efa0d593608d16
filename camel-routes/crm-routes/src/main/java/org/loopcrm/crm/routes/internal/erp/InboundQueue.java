package org.loopcrm.crm.routes.internal.erp;

import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.integration.RouteConventions;

/**
 * The start every inbound ERP queue route shares: the queue consumed in a local JMS transaction,
 * and a message that can never succeed (malformed, invalid, naming an unknown customer) moved to
 * the dead-letter queue with its original body and the reason in {@value DeadLetterReason#HEADER}.
 * Any other failure rolls the transaction back, and the broker redelivers.
 */
final class InboundQueue {
  private InboundQueue() {}

  /**
   * @param queue the placeholder name of the queue
   * @param deadLetterQueue the placeholder name of its dead-letter queue
   * @param what how the log names a message, e.g. {@code Invoice message}
   */
  static ProcessorDefinition<?> from(
      RouteBuilder builder, String routeId, String queue, String deadLetterQueue, String what) {
    return builder
        .from("jms:queue:" + placeholder(queue) + "?transacted=true")
        .routeId(routeId)
        .routeGroup("erp")
        .routeDescription(what + "s from queue " + placeholder(queue))
        .routeProperty(RouteConventions.DEAD_LETTER_QUEUE, placeholder(deadLetterQueue))
        .routeProperty(RouteConventions.RETRY_TO, placeholder(queue))
        .routeProperty(RouteConventions.LAG_QUEUE, placeholder(queue))
        .onException(
            RejectedMessageException.class, ValidationException.class, NotFoundException.class)
        .handled(true)
        .useOriginalMessage()
        .process(new DeadLetterReason(placeholder(queue)))
        .log(
            LoggingLevel.WARN,
            what
                + " ${header.JMSMessageID} dead-lettered: ${header."
                + DeadLetterReason.HEADER
                + "}")
        .to("jms:queue:" + placeholder(deadLetterQueue))
        .end();
  }
}
