package org.loopcrm.crm.shell.internal;

import java.math.BigDecimal;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.Quota;
import org.loopcrm.crm.api.sales.QuotaDraft;

/** {@code crm:quota-set <user> <period> <amount> [currency]}: sets a user's quota. */
@Command(
    scope = "crm",
    name = "quota-set",
    description =
        "Sets a user's sales quota for a month, quarter or year (administrators and managers);"
            + " an existing one is replaced.")
@Service
public class QuotaSetCommand implements Action {
  @Reference ForecastService forecasts;

  @Argument(index = 0, name = "user", required = true, description = "The user")
  String user;

  @Argument(index = 1, name = "period", required = true, description = "2027-03, 2027-Q1 or 2027")
  String period;

  @Argument(index = 2, name = "amount", required = true, description = "Greater than zero")
  String amount;

  @Argument(index = 3, name = "currency", description = "ISO 4217; the default currency if absent")
  String currency;

  @Override
  public Object execute() {
    var actor = ShellActors.current();
    BigDecimal value = amount(amount);
    Long version;
    try {
      version = forecasts.quota(actor, user, null, period).version();
    } catch (NotFoundException e) {
      version = null;
    }
    Quota q =
        forecasts.setQuota(actor, new QuotaDraft(user, null, period, value, currency), version);
    System.out.println(describe(q, version == null));
    return null;
  }

  static BigDecimal amount(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(
          List.of(new FieldError("amount", "must be a number such as 25000 or 25000.50")));
    }
  }

  static String describe(Quota q, boolean created) {
    return (created ? "quota set: " : "quota changed: ")
        + q.user()
        + " "
        + q.period()
        + " "
        + q.amount().toPlainString()
        + " "
        + q.currency()
        + " (version "
        + q.version()
        + ")";
  }
}
