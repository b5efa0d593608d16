package org.loopcrm.crm.shell.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportService;
import org.loopcrm.crm.api.dataexport.ExportSubject;

/**
 * {@code crm:export}: the accounts (or their contacts) of a filtered list into a file, with the
 * shell user's rights. The file is written next to its target and moved into place when complete,
 * so a failed export leaves no half file behind.
 */
@Command(
    scope = "crm",
    name = "export",
    description =
        "Exports the filtered account list, or its contacts, as CSV, XLSX, vCard or JSON.")
@Service
public class ExportCommand implements Action {
  @Reference ExportService exports;

  @Option(name = "-f", aliases = "--format", description = "csv, xlsx, vcard or json")
  String format = "csv";

  @Option(name = "-O", aliases = "--out", required = true, description = "The file to write")
  String out;

  @Option(name = "--contacts", description = "Export the contacts of the accounts")
  boolean contacts;

  @Option(name = "--columns", description = "Comma-separated columns (csv, xlsx, json)")
  String columns;

  @Option(name = "--bom", description = "CSV: start with a UTF-8 byte order mark, for Excel")
  boolean bom;

  @Option(name = "-n", aliases = "--name", description = "Name prefix (case-insensitive)")
  String name;

  @Option(name = "-o", aliases = "--owner", description = "Owner user name")
  String owner;

  @Option(name = "-a", aliases = "--all", description = "Include archived accounts")
  boolean all;

  @Option(name = "-s", aliases = "--sort", description = "name, -name, createdAt or -createdAt")
  String sort = "name";

  @Override
  public Object execute() throws IOException {
    ExportFormat f =
        ExportFormat.fromToken(format)
            .orElseThrow(() -> invalid("--format", "must be csv, xlsx, vcard or json"));
    AccountSort order =
        AccountSort.fromToken(sort)
            .orElseThrow(() -> invalid("--sort", "must be name, -name, createdAt or -createdAt"));
    List<String> cols =
        columns == null || columns.isBlank()
            ? List.of()
            : Arrays.stream(columns.split(",")).map(String::strip).toList();
    ExportRequest request =
        new ExportRequest(
            contacts ? ExportSubject.CONTACTS : ExportSubject.ACCOUNTS,
            f,
            new AccountQuery(name, owner, all, order, 1, null),
            cols,
            bom);
    exports.check(ShellActors.current(), request);
    Path target = Path.of(out).toAbsolutePath();
    Path part = target.resolveSibling(target.getFileName() + ".part");
    long count;
    try (OutputStream os = Files.newOutputStream(part)) {
      count = exports.export(ShellActors.current(), request, os);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    System.out.println(
        "exported "
            + count
            + " "
            + request.subject().name().toLowerCase(Locale.ROOT)
            + " to "
            + target);
    return null;
  }

  private static ValidationException invalid(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }
}
