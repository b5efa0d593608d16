package org.loopcrm.crm.configurator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser of the configurator's expression language.
 *
 * <pre>
 * expr    := or
 * or      := and (('or' | '||') and)*
 * and     := not (('and' | '&amp;&amp;') not)*
 * not     := ('not' | '!') not | compare
 * compare := sum (('=' | '==' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') sum)?
 *          | sum 'not'? 'in' '(' primary (',' primary)* ')'
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := INTEGER | 'QUOTED' | 'true' | 'false' | NAME ('.' NAME)? | '(' expr ')'
 * </pre>
 *
 * Keywords are case-insensitive; names are attribute codes and option property names.
 */
final class ExpressionParser {
  private final String src;
  private int pos;

  private ExpressionParser(String src) {
    this.src = src;
  }

  /** Parses a whole expression. */
  static Expr parse(String source) {
    if (source == null || source.isBlank()) {
      throw new ExpressionException("the expression is empty", 0);
    }
    ExpressionParser p = new ExpressionParser(source);
    Expr e = p.or();
    p.skipSpace();
    if (p.pos < source.length()) {
      throw new ExpressionException("unexpected '" + p.rest() + "'", p.pos);
    }
    return e;
  }

  private Expr or() {
    Expr left = and();
    while (true) {
      int at = peekPos();
      if (keyword("or") || symbol("||")) {
        left = new Expr.Binary("or", left, and(), at);
      } else {
        return left;
      }
    }
  }

  private Expr and() {
    Expr left = not();
    while (true) {
      int at = peekPos();
      if (keyword("and") || symbol("&&")) {
        left = new Expr.Binary("and", left, not(), at);
      } else {
        return left;
      }
    }
  }

  private Expr not() {
    int at = peekPos();
    if (keyword("not") || (!lookingAt("!=") && symbol("!"))) {
      return new Expr.Unary("not", not(), at);
    }
    return compare();
  }

  private Expr compare() {
    Expr left = sum();
    int at = peekPos();
    for (String op : new String[] {"==", "!=", "<>", "<=", ">=", "=", "<", ">"}) {
      if (symbol(op)) {
        String norm = op.equals("==") ? "=" : op.equals("<>") ? "!=" : op;
        return new Expr.Binary(norm, left, sum(), at);
      }
    }
    int save = pos;
    boolean negated = keyword("not");
    if (keyword("in")) {
      expect("(");
      List<Expr> values = new ArrayList<>();
      values.add(primary());
      while (symbol(",")) {
        values.add(primary());
      }
      expect(")");
      Expr in = new Expr.In(left, values, at);
      return negated ? new Expr.Unary("not", in, at) : in;
    }
    pos = save;
    return left;
  }

  private Expr sum() {
    Expr left = product();
    while (true) {
      int at = peekPos();
      if (symbol("+")) {
        left = new Expr.Binary("+", left, product(), at);
      } else if (symbol("-")) {
        left = new Expr.Binary("-", left, product(), at);
      } else {
        return left;
      }
    }
  }

  private Expr product() {
    Expr left = unary();
    while (true) {
      int at = peekPos();
      if (symbol("*")) {
        left = new Expr.Binary("*", left, unary(), at);
      } else if (symbol("/")) {
        left = new Expr.Binary("/", left, unary(), at);
      } else {
        return left;
      }
    }
  }

  private Expr unary() {
    int at = peekPos();
    if (symbol("-")) {
      return new Expr.Unary("-", unary(), at);
    }
    return primary();
  }

  private Expr primary() {
    skipSpace();
    int at = pos;
    if (pos >= src.length()) {
      throw new ExpressionException("the expression ends too early", pos);
    }
    char c = src.charAt(pos);
    if (c == '(') {
      pos++;
      Expr e = or();
      expect(")");
      return e;
    }
    if (c == '\'' || c == '"') {
      int end = src.indexOf(c, pos + 1);
      if (end < 0) {
        throw new ExpressionException("the quoted value is not closed", pos);
      }
      String text = src.substring(pos + 1, end);
      pos = end + 1;
      return new Expr.Text(text, at);
    }
    if (Character.isDigit(c)) {
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
      if (pos < src.length() && (src.charAt(pos) == '.' || Character.isLetter(src.charAt(pos)))) {
        throw new ExpressionException("only whole numbers are allowed", at);
      }
      try {
        return new Expr.Num(Long.parseLong(src.substring(at, pos)), at);
      } catch (NumberFormatException e) {
        throw new ExpressionException("the number is too large", at);
      }
    }
    if (isNameStart(c)) {
      String name = name();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("true") || lower.equals("false")) {
        return new Expr.Bool(lower.equals("true"), at);
      }
      if (lower.equals("and") || lower.equals("or") || lower.equals("not") || lower.equals("in")) {
        throw new ExpressionException("expected a value, found '" + name + "'", at);
      }
      if (pos < src.length() && src.charAt(pos) == '.') {
        pos++;
        if (pos >= src.length() || !isNameStart(src.charAt(pos))) {
          throw new ExpressionException("expected a property name after '" + name + ".'", pos);
        }
        return new Expr.Prop(name, name(), at);
      }
      return new Expr.Ref(name, at);
    }
    throw new ExpressionException("expected a value, found '" + rest() + "'", at);
  }

  private String name() {
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private boolean keyword(String word) {
    skipSpace();
    int end = pos + word.length();
    if (end <= src.length()
        && src.regionMatches(true, pos, word, 0, word.length())
        && (end == src.length()
            || !(Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_'))) {
      pos = end;
      return true;
    }
    return false;
  }

  private boolean lookingAt(String s) {
    skipSpace();
    return src.startsWith(s, pos);
  }

  private boolean symbol(String s) {
    if (lookingAt(s)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!symbol(s)) {
      throw new ExpressionException(
          "expected '" + s + "'" + (pos < src.length() ? ", found '" + rest() + "'" : ""), pos);
    }
  }

  private int peekPos() {
    skipSpace();
    return pos;
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private String rest() {
    String r = src.substring(pos);
    return r.length() > 12 ? r.substring(0, 12) + "…" : r;
  }
}
