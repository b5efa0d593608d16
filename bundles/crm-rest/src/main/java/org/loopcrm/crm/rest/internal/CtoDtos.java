package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BomRule;
import org.loopcrm.crm.api.cto.BrokenConstraint;
import org.loopcrm.crm.api.cto.Configuration;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.Domain;
import org.loopcrm.crm.api.cto.PriceLine;
import org.loopcrm.crm.api.cto.PriceRule;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.api.cto.RoutingRule;
import org.loopcrm.crm.api.cto.RoutingStep;
import org.loopcrm.crm.api.erp.port.BomLine;

/**
 * JSON of product models, propagations and configurations. Attributes, options and rules are the
 * API's records as they are; a constraint is one flat object whose {@code type} says which fields
 * it uses.
 */
final class CtoDtos {
  private CtoDtos() {}

  /** A constraint: {@code type} is requires, excludes, compatibility, range or formula. */
  record ConstraintDto(
      String type,
      String label,
      String ifAttribute,
      List<String> ifValues,
      String thenAttribute,
      List<String> thenValues,
      List<String> attributes,
      List<List<String>> tuples,
      String attribute,
      Integer min,
      Integer max,
      String when,
      String formula) {

    static ConstraintDto of(Constraint c) {
      if (c instanceof Constraint.Requires r) {
        return new ConstraintDto(
            "requires",
            r.label(),
            r.ifAttribute(),
            r.ifValues(),
            r.thenAttribute(),
            r.thenValues(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
      }
      if (c instanceof Constraint.Excludes r) {
        return new ConstraintDto(
            "excludes",
            r.label(),
            r.ifAttribute(),
            r.ifValues(),
            r.thenAttribute(),
            r.thenValues(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
      }
      if (c instanceof Constraint.Compatibility t) {
        return new ConstraintDto(
            "compatibility",
            t.label(),
            null,
            null,
            null,
            null,
            t.attributes(),
            t.tuples(),
            null,
            null,
            null,
            null,
            null);
      }
      if (c instanceof Constraint.Range r) {
        return new ConstraintDto(
            "range",
            r.label(),
            null,
            null,
            null,
            null,
            null,
            null,
            r.attribute(),
            r.min(),
            r.max(),
            r.when(),
            null);
      }
      Constraint.Formula f = (Constraint.Formula) c;
      return new ConstraintDto(
          "formula",
          f.label(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          f.formula());
    }

    Constraint toConstraint(String at, List<FieldError> errors) {
      if (type == null) {
        errors.add(
            new FieldError(
                at + ".type", "must be requires, excludes, compatibility, range or formula"));
        return null;
      }
      switch (type) {
        case "requires", "excludes" -> {
          if (ifValues == null || thenValues == null) {
            errors.add(new FieldError(at, "needs ifValues and thenValues"));
            return null;
          }
          return type.equals("requires")
              ? new Constraint.Requires(label, ifAttribute, ifValues, thenAttribute, thenValues)
              : new Constraint.Excludes(label, ifAttribute, ifValues, thenAttribute, thenValues);
        }
        case "compatibility" -> {
          if (attributes == null || tuples == null || tuples.contains(null)) {
            errors.add(new FieldError(at, "needs attributes and tuples"));
            return null;
          }
          return new Constraint.Compatibility(label, attributes, tuples);
        }
        case "range" -> {
          if (min == null || max == null) {
            errors.add(new FieldError(at, "needs min and max"));
            return null;
          }
          return new Constraint.Range(label, attribute, min, max, when);
        }
        case "formula" -> {
          return new Constraint.Formula(label, formula);
        }
        default -> {
          errors.add(
              new FieldError(
                  at + ".type", "must be requires, excludes, compatibility, range or formula"));
          return null;
        }
      }
    }
  }

  /** A model definition as a client writes it. */
  record ModelBody(
      String code,
      String name,
      String erpProductCode,
      String currency,
      BigDecimal basePrice,
      List<Attribute> attributes,
      List<ConstraintDto> constraints,
      List<PriceRule> pricing,
      List<BomRule> bom,
      List<RoutingRule> routing) {

    ProductModelDefinition toDefinition() {
      List<FieldError> errors = new ArrayList<>();
      List<Constraint> cs = new ArrayList<>();
      if (constraints != null) {
        for (int i = 0; i < constraints.size(); i++) {
          ConstraintDto c = constraints.get(i);
          if (c == null) {
            errors.add(new FieldError("constraints[" + i + "]", "is required"));
            continue;
          }
          Constraint x = c.toConstraint("constraints[" + i + "]", errors);
          if (x != null) {
            cs.add(x);
          }
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return new ProductModelDefinition(
          code, name, erpProductCode, currency, basePrice, attributes, cs, pricing, bom, routing);
    }
  }

  /** One model revision. */
  record ModelView(
      String code,
      int revision,
      String status,
      long version,
      String name,
      String erpProductCode,
      String currency,
      BigDecimal basePrice,
      List<Attribute> attributes,
      List<ConstraintDto> constraints,
      List<PriceRule> pricing,
      List<BomRule> bom,
      List<RoutingRule> routing,
      String createdBy,
      String createdAt,
      String updatedAt) {

    static ModelView of(ProductModel m) {
      ProductModelDefinition d = m.definition();
      return new ModelView(
          d.code(),
          m.revision(),
          m.status().name(),
          m.version(),
          d.name(),
          d.erpProductCode(),
          d.currency(),
          d.basePrice(),
          d.attributes(),
          d.constraints().stream().map(ConstraintDto::of).toList(),
          d.pricing(),
          d.bom(),
          d.routing(),
          m.createdBy(),
          m.createdAt().toString(),
          m.updatedAt().toString());
    }
  }

  /** A line of the model list: the latest revision of a model. */
  record ModelSummary(
      String code, int revision, String status, long version, String name, String erpProductCode) {
    static ModelSummary of(ProductModel m) {
      return new ModelSummary(
          m.code(),
          m.revision(),
          m.status().name(),
          m.version(),
          m.definition().name(),
          m.definition().erpProductCode());
    }
  }

  /** A page of models. */
  record ModelPage(List<ModelSummary> items, String nextCursor) {
    static ModelPage of(Page<ProductModel> page) {
      return new ModelPage(
          page.items().stream().map(ModelSummary::of).toList(), page.nextCursor().orElse(null));
    }
  }

  /** What to configure: attribute code to value. */
  record ConfigureBody(Map<String, String> selections) {}

  /** What to save: a model's code and one value per attribute. */
  record ConfigurationBody(String model, Map<String, String> selections) {}

  /** The configurator's answer. */
  record PropagationView(
      String model,
      int revision,
      Map<String, String> selections,
      boolean valid,
      boolean complete,
      List<Domain> domains,
      List<BrokenConstraint> broken,
      String currency,
      List<PriceLine> price,
      BigDecimal total,
      List<BomLine> bom,
      List<RoutingStep> routing) {
    static PropagationView of(Propagation p) {
      return new PropagationView(
          p.modelCode(),
          p.revision(),
          p.selections(),
          p.valid(),
          p.complete(),
          p.domains(),
          p.broken(),
          p.currency(),
          p.price(),
          p.total(),
          p.bom(),
          p.routing());
    }
  }

  /** A saved configuration. */
  record ConfigurationView(
      String id,
      String model,
      int revision,
      String erpProductCode,
      Map<String, String> selections,
      String currency,
      List<PriceLine> price,
      BigDecimal total,
      List<BomLine> bom,
      List<RoutingStep> routing,
      String createdBy,
      String createdAt) {
    static ConfigurationView of(Configuration c) {
      return new ConfigurationView(
          c.id().toString(),
          c.modelCode(),
          c.revision(),
          c.erpProductCode(),
          c.selections(),
          c.currency(),
          c.price(),
          c.total(),
          c.bom(),
          c.routing(),
          c.createdBy(),
          c.createdAt().toString());
    }
  }
}
