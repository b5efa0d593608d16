package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.ModelStatus;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.rest.internal.CtoDtos.ModelBody;
import org.loopcrm.crm.rest.internal.CtoDtos.ModelView;

class CtoDtosTest {
  /** Configured as the servlet's mapper is. */
  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final String MODEL =
      """
      {"code": "CONV", "name": "Conveyor", "erpProductCode": "CONV-1", "currency": "EUR",
       "basePrice": 1200.50,
       "attributes": [
         {"code": "motor", "label": "Motor", "kind": "OPTION", "options": [
            {"code": "M1", "label": "Small", "price": 100, "properties": {"torque": 10},
             "components": [{"productCode": "MOT-1", "quantity": 1}],
             "operations": [{"sequence": 20, "operation": "Mount", "workCentre": "ELEC",
                             "minutes": 15}]},
            {"code": "M2", "label": "Big", "properties": {"torque": 30}}]},
         {"code": "load", "label": "Load", "kind": "INTEGER", "min": 0, "max": 100, "unit": "kg"},
         {"code": "cover", "label": "Cover", "kind": "BOOLEAN"}],
       "constraints": [
         {"type": "requires", "label": "r", "ifAttribute": "cover", "ifValues": ["true"],
          "thenAttribute": "motor", "thenValues": ["M2"]},
         {"type": "compatibility", "label": "t", "attributes": ["motor", "cover"],
          "tuples": [["M1", "false"], ["M2", "*"]]},
         {"type": "range", "label": "g", "attribute": "load", "min": 0, "max": 50,
          "when": "motor = 'M1'"},
         {"type": "formula", "label": "f", "formula": "load <= motor.torque * 2"}],
       "pricing": [{"label": "per kg", "amount": 1.5, "per": "load"}],
       "bom": [{"component": "BELT", "quantity": "2"}],
       "routing": [{"sequence": 10, "operation": "Cut", "workCentre": "SAW", "minutes": "5"}]}
      """;

  @Test
  void aModelDocumentBecomesADefinitionWithTypedConstraints() throws Exception {
    ProductModelDefinition d = mapper.readValue(MODEL, ModelBody.class).toDefinition();
    assertThat(d.attributes())
        .extracting(Attribute::kind)
        .containsExactly(Attribute.Kind.OPTION, Attribute.Kind.INTEGER, Attribute.Kind.BOOLEAN);
    assertThat(d.attributes().get(0).options().get(0).properties()).containsEntry("torque", 10);
    assertThat(d.constraints())
        .hasExactlyElementsOfTypes(
            Constraint.Requires.class,
            Constraint.Compatibility.class,
            Constraint.Range.class,
            Constraint.Formula.class);
    assertThat(d.basePrice()).isEqualByComparingTo("1200.50");
    assertThat(d.routing().get(0).sequence()).isEqualTo(10);
  }

  @Test
  void aModelRoundTripsThroughItsView() throws Exception {
    ProductModelDefinition d = mapper.readValue(MODEL, ModelBody.class).toDefinition();
    ProductModel m =
        new ProductModel(
            UUID.randomUUID(), 1, ModelStatus.DRAFT, d, 3, "admin", Instant.now(), Instant.now());
    JsonNode view = mapper.valueToTree(ModelView.of(m));
    assertThat(view.get("status").asText()).isEqualTo("DRAFT");
    assertThat(view.get("constraints").get(2).get("type").asText()).isEqualTo("range");
    // what GET answers can be PUT back as it is, minus the read-only fields
    com.fasterxml.jackson.databind.node.ObjectNode body =
        (com.fasterxml.jackson.databind.node.ObjectNode) view;
    body.remove(
        java.util.List.of("revision", "status", "version", "createdBy", "createdAt", "updatedAt"));
    assertThat(mapper.treeToValue(body, ModelBody.class).toDefinition())
        .usingRecursiveComparison()
        .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
        .isEqualTo(d);
  }

  @Test
  void badConstraintsAreFieldErrors() throws Exception {
    String unknownType = MODEL.replace("\"type\": \"formula\"", "\"type\": \"magic\"");
    assertThatThrownBy(() -> mapper.readValue(unknownType, ModelBody.class).toDefinition())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("constraints[3].type"));
    String noMax = MODEL.replace("\"min\": 0, \"max\": 50,", "\"min\": 0,");
    assertThatThrownBy(() -> mapper.readValue(noMax, ModelBody.class).toDefinition())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("constraints[2] needs min and max");
    assertThatThrownBy(
            () -> mapper.readValue(MODEL.replace("\"unit\"", "\"colour\""), ModelBody.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }
}
