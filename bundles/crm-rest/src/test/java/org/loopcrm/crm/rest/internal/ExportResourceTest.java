package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportService;
import org.loopcrm.crm.api.dataexport.ExportSubject;

/** The export resources: the list's parameters, checks before the stream, headers. */
class ExportResourceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC);

  /** Refuses the column {@code shoeSize}, records the requests, writes "data". */
  private static final class FakeExports implements ExportService {
    final List<ExportRequest> checked = new ArrayList<>();
    final List<ExportRequest> exported = new ArrayList<>();
    final List<Actor> actors = new ArrayList<>();

    @Override
    public List<String> columns(ExportSubject subject) {
      return List.of("id", "name");
    }

    @Override
    public List<String> defaultColumns(ExportSubject subject) {
      return List.of("id", "name");
    }

    @Override
    public void check(Actor actor, ExportRequest request) {
      checked.add(request);
      actors.add(actor);
      if (request.columns().contains("shoeSize")) {
        throw new ValidationException(List.of(new FieldError("columns", "unknown shoeSize")));
      }
    }

    @Override
    public long export(Actor actor, ExportRequest request, OutputStream out) throws IOException {
      exported.add(request);
      out.write("data".getBytes(StandardCharsets.UTF_8));
      return 1;
    }
  }

  private static AccountListParams params(String name, String sort) {
    AccountListParams p = new AccountListParams();
    p.namePrefix = name;
    p.sort = sort;
    p.includeArchived = "true";
    return p;
  }

  @Test
  void theListsParametersFormatAndColumnsMakeTheRequest() throws IOException {
    FakeExports exports = new FakeExports();
    Response r =
        new AccountExportResource(exports, CLOCK)
            .export(
                TestSecurity.as("ada", "crm-user"),
                null,
                params("Ac", "-createdAt"),
                "XLSX",
                "name, id",
                null);

    assertThat(exports.checked)
        .containsExactly(
            new ExportRequest(
                ExportSubject.ACCOUNTS,
                ExportFormat.XLSX,
                new AccountQuery("Ac", null, true, AccountSort.CREATED_DESC, 50, null),
                List.of("name", "id"),
                false));
    assertThat(exports.actors.get(0).user()).isEqualTo("ada");
    assertThat(exports.exported).isEmpty();
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getMediaType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(r.getHeaderString("Content-Disposition"))
        .isEqualTo("attachment; filename=\"accounts-20261123T101530Z.xlsx\"");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ((StreamingOutput) r.getEntity()).write(out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("data");
    assertThat(exports.exported).hasSize(1);
  }

  @Test
  void contactsDefaultToCsvWithOptionalBom() {
    FakeExports exports = new FakeExports();
    Response r =
        new ContactExportResource(exports, CLOCK)
            .export(
                TestSecurity.as("ada", "crm-user"), null, params(null, null), null, null, "true");

    assertThat(exports.checked.get(0).subject()).isEqualTo(ExportSubject.CONTACTS);
    assertThat(exports.checked.get(0).format()).isEqualTo(ExportFormat.CSV);
    assertThat(exports.checked.get(0).byteOrderMark()).isTrue();
    assertThat(r.getMediaType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(r.getHeaderString("Content-Disposition")).endsWith(".csv\"");
  }

  @Test
  void anUnknownFormatOrColumnIsA400BeforeAnythingIsStreamed() {
    FakeExports exports = new FakeExports();
    AccountExportResource res = new AccountExportResource(exports, CLOCK);

    Response format =
        res.export(TestSecurity.as("ada", "crm-user"), null, params(null, null), "pdf", null, null);
    Response column =
        res.export(
            TestSecurity.as("ada", "crm-user"),
            null,
            params(null, null),
            "csv",
            "name,shoeSize",
            null);

    for (Response r : List.of(format, column)) {
      assertThat(r.getStatus()).isEqualTo(400);
      assertThat(r.getMediaType()).isEqualTo(Problems.PROBLEM_JSON);
      assertThat(r.getEntity()).isInstanceOf(Map.class);
    }
    assertThat(((Map<?, ?>) format.getEntity()).get("errors").toString()).contains("format");
    assertThat(((Map<?, ?>) column.getEntity()).get("errors").toString()).contains("shoeSize");
    assertThat(exports.exported).isEmpty();
  }

  @Test
  void theListsOwnFiltersStay422() {
    FakeExports exports = new FakeExports();

    assertThatThrownBy(
            () ->
                new AccountExportResource(exports, CLOCK)
                    .export(
                        TestSecurity.as("ada", "crm-user"),
                        null,
                        params(null, "shoeSize"),
                        "csv",
                        null,
                        null))
        .isInstanceOf(ValidationException.class);
  }
}
