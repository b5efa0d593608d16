package org.loopcrm.crm.configurator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpressionParserTest {

  @Test
  void precedenceIsArithmeticThenComparisonThenNotAndOr() {
    Expr e = ExpressionParser.parse("a + b * 2 <= 10 or not x and y");
    assertThat(e).isInstanceOf(Expr.Binary.class);
    Expr.Binary or = (Expr.Binary) e;
    assertThat(or.op()).isEqualTo("or");
    Expr.Binary le = (Expr.Binary) or.left();
    assertThat(le.op()).isEqualTo("<=");
    Expr.Binary plus = (Expr.Binary) le.left();
    assertThat(plus.op()).isEqualTo("+");
    assertThat(((Expr.Binary) plus.right()).op()).isEqualTo("*");
    Expr.Binary and = (Expr.Binary) or.right();
    assertThat(and.op()).isEqualTo("and");
    assertThat(and.left()).isInstanceOf(Expr.Unary.class);
  }

  @Test
  void aliasesKeywordsPropertiesAndLists() {
    Expr e = ExpressionParser.parse("motor.torque * 2 >= load && M in ('A', \"B\") || !(c == d)");
    assertThat(e.toString()).contains("Prop[attribute=motor, property=torque");
    assertThat(ExpressionParser.parse("m NOT IN ('A')")).isInstanceOf(Expr.Unary.class);
    assertThat(ExpressionParser.parse("a <> 3")).isEqualTo(ExpressionParser.parse("a != 3"));
    assertThat(ExpressionParser.parse("-a - -3")).isInstanceOf(Expr.Binary.class);
  }

  @Test
  void mistakesSayWhatAndWhere() {
    assertThatThrownBy(() -> ExpressionParser.parse("a + "))
        .hasMessage("the expression ends too early (at character 5)");
    assertThatThrownBy(() -> ExpressionParser.parse("a > 3 3"))
        .hasMessage("unexpected '3' (at character 7)");
    assertThatThrownBy(() -> ExpressionParser.parse("m = 'A"))
        .hasMessage("the quoted value is not closed (at character 5)");
    assertThatThrownBy(() -> ExpressionParser.parse("m in 'A'"))
        .hasMessage("expected '(', found ''A'' (at character 6)");
    assertThatThrownBy(() -> ExpressionParser.parse("a > 99999999999999999999"))
        .hasMessage("the number is too large (at character 5)");
    assertThatThrownBy(() -> ExpressionParser.parse("a. > 1"))
        .hasMessage("expected a property name after 'a.' (at character 3)");
    assertThatThrownBy(() -> ExpressionParser.parse("a and or b"))
        .hasMessage("expected a value, found 'or' (at character 7)");
  }
}
