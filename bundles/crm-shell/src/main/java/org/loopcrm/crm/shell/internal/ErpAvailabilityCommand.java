package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.api.erp.port.Availability;

@Command(
    scope = "crm",
    name = "erp-availability",
    description = "Asks the ERP now whether a quantity of a product can be promised at a date.")
@Service
public class ErpAvailabilityCommand implements Action {
  @Reference ErpLiveService live;

  @Argument(index = 0, name = "product", required = true, description = "The product's code")
  String product;

  @Argument(index = 1, name = "quantity", required = true, description = "The quantity, positive")
  String quantity;

  @Option(name = "-d", aliases = "--date", description = "The date (YYYY-MM-DD), default today")
  String date;

  @Option(name = "-w", aliases = "--warehouse", description = "The warehouse's code")
  String warehouse;

  @Option(name = "-s", aliases = "--system", description = "The ERP, when several are connected")
  String system;

  @Override
  public Object execute() {
    BigDecimal q;
    LocalDate day;
    try {
      q = new BigDecimal(quantity.trim());
    } catch (NumberFormatException e) {
      System.err.println("Error: quantity must be a number such as 2.5, not " + quantity);
      return null;
    }
    try {
      day = date == null ? null : LocalDate.parse(date.trim());
    } catch (DateTimeParseException e) {
      System.err.println("Error: date must be YYYY-MM-DD, not " + date);
      return null;
    }
    print(live.availability(ShellActors.current(), system, product, q, day, warehouse), System.out);
    return null;
  }

  static void print(Availability a, PrintStream out) {
    String unit = a.unit() == null ? "" : " " + a.unit();
    out.println(
        a.productCode()
            + " x "
            + a.requested().toPlainString()
            + unit
            + " on "
            + a.date()
            + (a.warehouse() == null ? "" : " in " + a.warehouse())
            + ": "
            + (a.available() ? "AVAILABLE" : "NOT AVAILABLE"));
    out.println(
        "On hand: "
            + a.onHand().toPlainString()
            + unit
            + "; forecast at the date: "
            + a.forecast().toPlainString()
            + unit);
  }
}
