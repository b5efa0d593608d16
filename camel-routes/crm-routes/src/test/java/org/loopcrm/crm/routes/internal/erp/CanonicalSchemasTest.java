package org.loopcrm.crm.routes.internal.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.PaymentReceived;
import org.loopcrm.crm.api.erp.ReceivableBalance;

/**
 * The published schemas (docs/erp-messages) name exactly the fields the parser reads into each
 * fact, so the documentation cannot drift from what the route accepts.
 */
class CanonicalSchemasTest {
  private static final Path DOCS = Path.of("..", "..", "docs", "erp-messages");
  private static final Map<String, Class<?>> FACTS =
      Map.of(
          "invoice-posted", InvoicePosted.class,
          "payment-received", PaymentReceived.class,
          "receivable-balance", ReceivableBalance.class,
          "document-changed", DocumentChanged.class,
          "party-changed", PartyChanged.class);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invoice-posted",
        "payment-received",
        "receivable-balance",
        "document-changed",
        "party-changed"
      })
  void theSchemaNamesTheFactsFieldsAndTheParserTakesItsType(String type) throws Exception {
    JsonNode schema =
        new ObjectMapper().readTree(Files.readString(DOCS.resolve(type + ".v1.json")));

    Set<String> properties = new TreeSet<>();
    schema.get("properties").fieldNames().forEachRemaining(properties::add);
    Set<String> components =
        Arrays.stream(FACTS.get(type).getRecordComponents())
            .map(c -> c.getName())
            .collect(Collectors.toCollection(TreeSet::new));
    components.add("type");
    components.add("schemaVersion");
    assertThat(properties).isEqualTo(components);
    assertThat(schema.get("properties").get("type").get("const").asText()).isEqualTo(type);
    schema.get("required").forEach(r -> assertThat(properties).contains(r.asText()));
    assertThat(CanonicalFactParser.TYPES).contains(type);
  }
}
