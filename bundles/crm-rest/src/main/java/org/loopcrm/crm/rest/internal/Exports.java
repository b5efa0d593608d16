package org.loopcrm.crm.rest.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportService;
import org.loopcrm.crm.api.dataexport.ExportSubject;

/**
 * Answers an export request: the request is checked first (format, columns, the list's filters, the
 * caller's rights), so a refusal is a problem+json before any byte; then the file streams out
 * through {@link StreamingOutput}, chunked, as the service writes it page by page.
 */
final class Exports {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Exports() {}

  static Response stream(
      ExportService exports,
      Actor actor,
      ExportSubject subject,
      AccountQuery query,
      String format,
      String columns,
      String bom,
      Clock clock) {
    ExportRequest request;
    try {
      ExportFormat f =
          ExportFormat.fromToken(format == null ? "csv" : format)
              .orElseThrow(() -> Params.invalid("format", "must be one of csv, xlsx, vcard, json"));
      request = new ExportRequest(subject, f, query, columnList(columns), Params.bool("bom", bom));
      exports.check(actor, request);
    } catch (ValidationException e) {
      // A request the export cannot serve is a bad request (the list's own filters stay 422).
      if (e.errors().stream()
          .allMatch(x -> List.of("format", "columns", "bom").contains(x.field()))) {
        return badRequest(e);
      }
      throw e;
    }
    String file =
        subject.name().toLowerCase(java.util.Locale.ROOT)
            + "-"
            + STAMP.format(clock.instant())
            + "."
            + request.format().extension();
    StreamingOutput body = out -> exports.export(actor, request, out);
    return Response.ok(body, request.format().mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private static List<String> columnList(String columns) {
    if (columns == null || columns.isBlank()) {
      return List.of();
    }
    return Arrays.stream(columns.split(",")).map(String::strip).toList();
  }

  private static Response badRequest(ValidationException e) {
    return Response.status(400)
        .type(Problems.PROBLEM_JSON)
        .entity(
            Problems.body(
                400,
                "bad-export-request",
                "Bad export request",
                "the format or columns are not ones this export writes",
                e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message()))
                    .toList()))
        .build();
  }
}
