package org.loopcrm.crm.erp.tryton.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Carries the calls through Camel's HTTP component (Apache HttpClient 5), so the connection pool,
 * timeouts and the endpoint's metrics are Camel's like every other route's.
 */
final class CamelHttpTransport implements HttpTransport, AutoCloseable {
  private final ProducerTemplate template;
  private final String endpoint;

  CamelHttpTransport(CamelContext camel, TrytonSettings settings) {
    this.template = camel.createProducerTemplate();
    // Failures are answers here (401 means "log in again"), so they must not become exceptions;
    // the exchange's own headers are not HTTP headers, and Camel's copyHeaders would send them.
    this.endpoint =
        settings.rpcUrl()
            + "?throwExceptionOnFailure=false&copyHeaders=false"
            + "&connectTimeout="
            + settings.connectTimeoutMs()
            + "&connectionRequestTimeout="
            + settings.connectTimeoutMs()
            + "&soTimeout="
            + settings.responseTimeoutMs()
            + "&responseTimeout="
            + settings.responseTimeoutMs();
  }

  @Override
  public Response post(byte[] body, String authorization) throws IOException {
    Exchange answer =
        template.request(
            endpoint,
            exchange -> {
              exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
              exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
              if (authorization != null) {
                exchange.getMessage().setHeader("Authorization", authorization);
              }
              exchange.getMessage().setBody(body);
            });
    Exception failure = answer.getException();
    if (failure != null) {
      throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
    }
    Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    Object payload = answer.getMessage().getBody();
    byte[] bytes;
    if (payload == null) {
      bytes = new byte[0];
    } else if (payload instanceof InputStream in) {
      try (in) {
        bytes = in.readAllBytes();
      }
    } else {
      bytes = answer.getMessage().getBody(byte[].class);
    }
    return new Response(status == null ? 0 : status, bytes);
  }

  @Override
  public void close() throws Exception {
    template.close();
  }
}
