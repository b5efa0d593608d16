package org.loopcrm.crm.routes.internal.erp;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Parses the body as one JSON object into a {@code Map}, with the Jackson the Camel library embeds
 * (floats become {@code BigDecimal}). The target type is fixed: no type is ever taken from the
 * message or its headers. A body that is not a JSON object is rejected as malformed, which a route
 * can tell apart from other failures (Jackson's own exceptions are private to the library).
 */
final class JsonObjectReader extends ServiceSupport implements Processor {
  private final DataFormat jackson;

  JsonObjectReader(CamelContext context) {
    jackson = context.createDataFormat("jackson");
    Map<String, Object> options = new HashMap<>();
    options.put("unmarshalType", Map.class);
    options.put("enableFeatures", "USE_BIG_DECIMAL_FOR_FLOATS");
    options.put("useDefaultObjectMapper", false);
    options.put("allowJmsType", false);
    options.put("allowUnmarshallType", false);
    PropertyBindingSupport.build()
        .withCamelContext(context)
        .withTarget(jackson)
        .withProperties(options)
        .withMandatory(true)
        .bind();
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    Object parsed;
    try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
      parsed = jackson.unmarshal(exchange, in);
    } catch (Exception e) {
      throw new RejectedMessageException("malformed JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map)) {
      throw new RejectedMessageException("malformed JSON: not an object");
    }
    exchange.getMessage().setBody(parsed);
  }

  @Override
  protected void doStart() {
    ServiceHelper.startService(jackson);
  }

  @Override
  protected void doStop() {
    ServiceHelper.stopService(jackson);
  }
}
