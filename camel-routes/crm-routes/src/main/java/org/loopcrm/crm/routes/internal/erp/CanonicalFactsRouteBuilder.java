package org.loopcrm.crm.routes.internal.erp;

import static org.loopcrm.crm.routes.internal.RouteProperties.FACTS_DEAD_LETTER_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.FACTS_DIRECTORY;
import static org.loopcrm.crm.routes.internal.RouteProperties.FACTS_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.support.PropertyBindingSupport;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.ErpFact;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The canonical ERP connector: how any ERP plugs in without a connector of its own. It applies the
 * canonical facts ({@code invoice-posted}, {@code payment-received}, {@code receivable-balance},
 * {@code document-changed}, {@code party-changed}; schemas in {@code docs/erp-messages/}) from
 *
 * <ul>
 *   <li>route {@value #QUEUE_ROUTE}: the {@code factsQueue} JMS queue, one JSON object per message,
 *       consumed in a local JMS transaction. A malformed message, or one naming an unknown
 *       customer, goes to {@code factsDeadLetterQueue} with the reason in header {@code
 *       CrmDeadLetterReason}; any other failure (the database away) rolls back, and the broker
 *       redelivers with exponential back-off;
 *   <li>route {@value #FILE_ROUTE}: the {@code factsDirectory} folder (when set), files {@code
 *       *.json} (one object or an array) and {@code *.csv} (a header row naming the fields, one
 *       fact per row). A file is checked whole before any fact of it is applied; it then moves to
 *       {@code done/}, or to {@code error/} with a {@code <name>.reason.txt} beside it. Write a
 *       file under another name and rename it into place, so the route never reads half a file.
 * </ul>
 *
 * <p>Each fact's message id is recorded with its effect, so a message delivered twice, or a file
 * dropped again, changes nothing twice.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class CanonicalFactsRouteBuilder extends RouteBuilder {
  /** The JMS route's id. */
  public static final String QUEUE_ROUTE = "crm-erp-facts";

  /** The file drop route's id. */
  public static final String FILE_ROUTE = "crm-erp-facts-files";

  static final String HEADER_OUTCOME = "CrmApplyOutcome";

  private final ErpFactService erpFacts;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public CanonicalFactsRouteBuilder(@Reference ErpFactService erpFacts) {
    this.erpFacts = erpFacts;
  }

  @Override
  public void configure() throws Exception {
    InboundQueue.from(this, QUEUE_ROUTE, FACTS_QUEUE, FACTS_DEAD_LETTER_QUEUE, "ERP fact")
        .process(new JsonObjectReader(getContext()))
        .process(new CanonicalFactParser())
        .process(this::apply)
        .log(
            LoggingLevel.DEBUG,
            "ERP fact ${header.JMSMessageID}: ${header." + HEADER_OUTCOME + "}");

    String directory = getContext().resolvePropertyPlaceholders(placeholder(FACTS_DIRECTORY));
    if (!directory.isBlank()) {
      DataFormat json = jsonFormat();
      fromF(
              "file:%s?include=.*\\.(json|csv)&move=done/${file:name}"
                  + "&moveFailed=error/${file:name}&charset=UTF-8",
              directory)
          .routeId(FILE_ROUTE)
          .process(exchange -> applyFile(exchange, json, directory))
          .log(LoggingLevel.INFO, "ERP fact file ${header.CamelFileName}: ${body}");
    }
  }

  private DataFormat jsonFormat() throws Exception {
    DataFormat jackson = getContext().createDataFormat("jackson");
    Map<String, Object> options = new HashMap<>();
    options.put("unmarshalType", Object.class);
    options.put("enableFeatures", "USE_BIG_DECIMAL_FOR_FLOATS");
    options.put("useDefaultObjectMapper", false);
    options.put("allowJmsType", false);
    options.put("allowUnmarshallType", false);
    PropertyBindingSupport.build()
        .withCamelContext(getContext())
        .withTarget(jackson)
        .withProperties(options)
        .withMandatory(true)
        .bind();
    // Started with the context's lifetime: Camel stops it when the context stops.
    getContext().addService(jackson, true, true);
    return jackson;
  }

  private void apply(Exchange exchange) {
    ApplyOutcome outcome = erpFacts.apply(exchange.getMessage().getBody(ErpFact.class));
    exchange.getMessage().setHeader(HEADER_OUTCOME, outcome.name());
  }

  private void applyFile(Exchange exchange, DataFormat json, String directory) throws Exception {
    String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
    try {
      List<ErpFact> facts = new ArrayList<>();
      List<?> records = records(exchange, json, name);
      for (int i = 0; i < records.size(); i++) {
        if (!(records.get(i) instanceof Map<?, ?> record)) {
          throw new RejectedMessageException("record " + (i + 1) + " is not an object");
        }
        try {
          facts.add(CanonicalFactParser.parse(record));
        } catch (RuntimeException e) {
          throw new RejectedMessageException(
              "record " + (i + 1) + ": " + DeadLetterReason.reason(e), e);
        }
      }
      Map<ApplyOutcome, Integer> outcomes = new java.util.EnumMap<>(ApplyOutcome.class);
      for (int i = 0; i < facts.size(); i++) {
        try {
          outcomes.merge(erpFacts.apply(facts.get(i)), 1, Integer::sum);
        } catch (NotFoundException | ValidationException e) {
          throw new RejectedMessageException(
              "record " + (i + 1) + " (" + i + " before it applied): " + DeadLetterReason.reason(e),
              e);
        }
      }
      exchange.getMessage().setBody(facts.size() + " facts " + outcomes);
    } catch (RuntimeException | IOException e) {
      writeReason(Path.of(directory, "error", name + ".reason.txt"), e);
      throw e;
    }
  }

  private static List<?> records(Exchange exchange, DataFormat json, String name) throws Exception {
    if (name.endsWith(".csv")) {
      return CsvRows.parse(exchange.getMessage().getMandatoryBody(String.class));
    }
    Object parsed;
    try (var in = exchange.getMessage().getMandatoryBody(java.io.InputStream.class)) {
      parsed = json.unmarshal(exchange, in);
    } catch (Exception e) {
      throw new RejectedMessageException("malformed JSON: " + e.getMessage(), e);
    }
    return parsed instanceof List<?> list ? list : List.of(parsed);
  }

  private static void writeReason(Path file, Exception e) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          (e instanceof RejectedMessageException ? e.getMessage() : DeadLetterReason.reason(e))
              + System.lineSeparator(),
          StandardCharsets.UTF_8);
    } catch (IOException io) {
      e.addSuppressed(io);
    }
  }
}
