package org.loopcrm.crm.api.integration;

/**
 * What a route builder declares so that {@link IntegrationService} can operate its routes, and the
 * headers dead letters carry. Route properties are set with Camel's {@code routeProperty(key,
 * value)}; placeholders in their values are resolved.
 */
public final class RouteConventions {
  /** Route property: the queue the route's failed messages go to. */
  public static final String DEAD_LETTER_QUEUE = "crm.deadLetterQueue";

  /**
   * Route property: where a dead letter of the route goes back to — the queue it consumes, or for a
   * topic subscription the subscription's queue as {@code address::queue}.
   */
  public static final String RETRY_TO = "crm.retryTo";

  /** Route property: the queue whose depth is the route's lag (usually {@link #RETRY_TO}). */
  public static final String LAG_QUEUE = "crm.lagQueue";

  /**
   * Route property of a poller: the ERP streams it reads, as {@code system:stream[,stream...]},
   * e.g. {@code tryton:party,party.created}; replaying the route rewinds them.
   */
  public static final String ERP_STREAMS = "crm.erpStreams";

  /** Header of a dead letter: why it failed, on one line. */
  public static final String HEADER_REASON = "CrmDeadLetterReason";

  /** Header of a dead letter: where a retry sends it; wins over the route's {@link #RETRY_TO}. */
  public static final String HEADER_ORIGINAL_QUEUE = "CrmOriginalQueue";

  /** Header of a dead letter: when it first failed, epoch milliseconds. */
  public static final String HEADER_FAILED_AT = "CrmFailedAt";

  /** Header of a dead letter: how often it has been dead-lettered. */
  public static final String HEADER_FAILURE_COUNT = "CrmFailureCount";

  /** Header carried end to end: the correlation id of the business exchange. */
  public static final String HEADER_CORRELATION_ID = "CrmCorrelationId";

  /** The broker's own dead-letter queue (Artemis' {@code dead-letter-address}). */
  public static final String BROKER_DEAD_LETTER_QUEUE = "DLQ";

  private RouteConventions() {}
}
