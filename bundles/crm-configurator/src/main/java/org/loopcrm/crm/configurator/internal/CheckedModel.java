package org.loopcrm.crm.configurator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.ProductModelDefinition;

/**
 * A product model definition that passed {@link ModelChecker}: attributes indexed, every expression
 * parsed and typed. Immutable, so it is cached and shared between threads.
 */
final class CheckedModel {
  final ProductModelDefinition definition;
  final List<Attr> attributes;
  final Map<String, Attr> byCode;

  /** Per constraint: its parsed expression (formula or the Range's condition), or null. */
  final List<Expr> constraintExprs;

  final List<Expr> priceWhen;
  final List<Expr> pricePer;
  final List<Expr> bomQuantity;
  final List<Expr> bomWhen;
  final List<Expr> routingMinutes;
  final List<Expr> routingWhen;

  CheckedModel(
      ProductModelDefinition definition,
      List<Attr> attributes,
      List<Expr> constraintExprs,
      List<Expr> priceWhen,
      List<Expr> pricePer,
      List<Expr> bomQuantity,
      List<Expr> bomWhen,
      List<Expr> routingMinutes,
      List<Expr> routingWhen) {
    this.definition = definition;
    this.attributes = List.copyOf(attributes);
    Map<String, Attr> m = new LinkedHashMap<>();
    attributes.forEach(a -> m.put(a.code(), a));
    this.byCode = m;
    this.constraintExprs = constraintExprs;
    this.priceWhen = priceWhen;
    this.pricePer = pricePer;
    this.bomQuantity = bomQuantity;
    this.bomWhen = bomWhen;
    this.routingMinutes = routingMinutes;
    this.routingWhen = routingWhen;
  }

  /** An attribute with its position and the integer encoding of its values. */
  record Attr(int index, Attribute attribute) {
    String code() {
      return attribute.code();
    }

    Attribute.Kind kind() {
      return attribute.kind();
    }

    /** The least encoded value. */
    int lo() {
      return switch (kind()) {
        case OPTION, BOOLEAN -> 0;
        case INTEGER -> attribute.min();
      };
    }

    /** The greatest encoded value. */
    int hi() {
      return switch (kind()) {
        case OPTION -> attribute.options().size() - 1;
        case BOOLEAN -> 1;
        case INTEGER -> attribute.max();
      };
    }

    /**
     * The solver's integer for a value as the user writes it.
     *
     * @throws IllegalArgumentException with a message for the user if it is not a value of this
     *     attribute
     */
    int encode(String value) {
      if (value == null) {
        throw new IllegalArgumentException("needs a value");
      }
      switch (kind()) {
        case OPTION:
          for (int i = 0; i < attribute.options().size(); i++) {
            if (attribute.options().get(i).code().equals(value)) {
              return i;
            }
          }
          throw new IllegalArgumentException(
              "'" + value + "' is not an option of " + code() + " (" + optionCodes() + ")");
        case BOOLEAN:
          if (value.equals("true")) {
            return 1;
          }
          if (value.equals("false")) {
            return 0;
          }
          throw new IllegalArgumentException("must be true or false, not '" + value + "'");
        default:
          int v;
          try {
            v = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + value + "'");
          }
          if (v < attribute.min() || v > attribute.max()) {
            throw new IllegalArgumentException(
                "must be between " + attribute.min() + " and " + attribute.max() + ", not " + v);
          }
          return v;
      }
    }

    /** The value as the user writes it. */
    String decode(int v) {
      return switch (kind()) {
        case OPTION -> attribute.options().get(v).code();
        case BOOLEAN -> v == 1 ? "true" : "false";
        case INTEGER -> Integer.toString(v);
      };
    }

    private String optionCodes() {
      return String.join(", ", attribute.options().stream().map(o -> o.code()).toList());
    }
  }
}
