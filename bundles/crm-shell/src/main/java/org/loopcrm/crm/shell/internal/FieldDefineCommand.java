package org.loopcrm.crm.shell.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldDraft;
import org.loopcrm.crm.api.customfield.CustomFieldService;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;

/**
 * {@code crm:field-define [options] <target> <key> <type>}: defines a custom field (crm-admin),
 * e.g. {@code crm:field-define --options gold,silver --label Tier account tier ENUM}.
 */
@Command(scope = "crm", name = "field-define", description = "Defines a custom field (crm-admin).")
@Service
public class FieldDefineCommand implements Action {
  @Reference CustomFieldService fields;

  @Argument(index = 0, name = "target", required = true, description = "account or contact")
  String target;

  @Argument(index = 1, name = "key", required = true, description = "^[a-z][a-z0-9_]{0,39}$")
  String key;

  @Argument(
      index = 2,
      name = "type",
      required = true,
      description = "TEXT, NUMBER, INTEGER, DATE, BOOLEAN or ENUM")
  String type;

  @Option(name = "--label", description = "The label; the key when absent")
  String label;

  @Option(name = "--required", description = "Every new record must have a value")
  boolean required;

  @Option(name = "--max-length", description = "TEXT: the longest value")
  Integer maxLength;

  @Option(name = "--min", description = "NUMBER, INTEGER: the smallest value; DATE: the earliest")
  String min;

  @Option(name = "--max", description = "NUMBER, INTEGER: the largest value; DATE: the latest")
  String max;

  @Option(name = "--options", description = "ENUM: the options, comma-separated")
  String options;

  @Override
  public Object execute() {
    FieldType t = FieldType.valueOf(type.strip().toUpperCase(Locale.ROOT));
    boolean date = t == FieldType.DATE;
    CustomField f =
        fields.define(
            ShellActors.current(),
            new CustomFieldDraft(
                FieldTarget.valueOf(target.strip().toUpperCase(Locale.ROOT)),
                key,
                label == null ? key : label,
                t,
                required,
                maxLength,
                min == null || date ? null : new BigDecimal(min.strip()),
                max == null || date ? null : new BigDecimal(max.strip()),
                min == null || !date ? null : LocalDate.parse(min.strip()),
                max == null || !date ? null : LocalDate.parse(max.strip()),
                options == null ? null : List.of(options.split(","))));
    FieldListCommand.print(List.of(f), System.out);
    return null;
  }
}
