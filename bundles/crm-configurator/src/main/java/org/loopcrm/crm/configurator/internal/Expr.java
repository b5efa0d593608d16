package org.loopcrm.crm.configurator.internal;

import java.util.List;

/** The syntax tree of a configurator expression. Every node knows where it starts (0-based). */
sealed interface Expr {

  /** The offset of the node's first character in the source. */
  int pos();

  /** An integer literal. */
  record Num(long value, int pos) implements Expr {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value, int pos) implements Expr {}

  /** A quoted option code. */
  record Text(String value, int pos) implements Expr {}

  /** An attribute by its code. */
  record Ref(String attribute, int pos) implements Expr {}

  /** An integer property of the option chosen for an attribute: {@code motor.torque}. */
  record Prop(String attribute, String property, int pos) implements Expr {}

  /** {@code -e} or {@code not e}. */
  record Unary(String op, Expr operand, int pos) implements Expr {}

  /** Arithmetic, comparison or logic. */
  record Binary(String op, Expr left, Expr right, int pos) implements Expr {}

  /** {@code e in (v1, v2, ...)}. */
  record In(Expr operand, List<Expr> values, int pos) implements Expr {}
}
