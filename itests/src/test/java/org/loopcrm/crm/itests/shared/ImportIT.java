package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Imports through REST in the distribution: a CSV with an update-on-match by ERP reference, a key
 * twice in the file and rejected rows; an XLSX (so POI reads workbooks inside Karaf); a dry run
 * that writes nothing; the job's progress and the paged report; and the shell's crm:import.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ImportIT extends CrmTestSupport {
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final HttpClient http = HttpClient.newHttpClient();

  @Before
  public void ready() {
    awaitCrmReady();
  }

  private HttpResult upload(String query, String contentType, byte[] body, DemoUser user) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort() + API + "/imports" + query))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (user.userName() + ":" + user.userName())
                                .getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new HttpResult(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    assertTrue(field + " in " + json, m.find());
    return Long.parseLong(m.group(1));
  }

  private String awaitDone(String id, DemoUser user) {
    return waitFor(
        "import " + id + " done",
        Duration.ofMinutes(5),
        () -> {
          HttpResult r = get(API + "/imports/" + id, user);
          assertEquals(r.toString(), 200, r.status());
          return r.body().contains("\"state\":\"DONE\"") ? r.body() : null;
        });
  }

  @Test
  public void aCsvUpsertsByErpReferenceAndReportsEveryRow() {
    String ref = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResult existing =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Before " + ref + "\",\"erpRef\":\"" + ref + "-1\"}");
    assertEquals(existing.toString(), 201, existing.status());
    String csv =
        "Company,ERP ref,VAT,Stage\n"
            + "After "
            + ref
            + ","
            + ref
            + "-1,,customer\n"
            + "New "
            + ref
            + ","
            + ref
            + "-2,DE 123 456,\n"
            + ","
            + ref
            + "-3,,\n"
            + "Bad stage "
            + ref
            + ","
            + ref
            + "-4,,sideways\n"
            + "Again "
            + ref
            + ","
            + ref
            + "-2,,\n";
    HttpResult started =
        upload(
            "?match=erpRef&fileName=accounts.csv",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8),
            DemoUser.SALES);
    assertEquals(started.toString(), 202, started.status());
    assertTrue(started.header("Location").orElseThrow().contains("/imports/"));
    String id = idOf(started);

    String job = awaitDone(id, DemoUser.SALES);
    assertEquals(job, 5, number(job, "rowsTotal"));
    assertEquals(job, 5, number(job, "rowsProcessed"));
    assertEquals(job, 1, number(job, "inserted"));
    assertEquals(job, 2, number(job, "updated"));
    assertEquals(job, 2, number(job, "rejected"));
    assertEquals(job, 100, number(job, "percent"));

    HttpResult page = get(API + "/imports/" + id + "/report?limit=3", DemoUser.SALES);
    assertEquals(page.toString(), 200, page.status());
    assertTrue(page.body(), page.body().contains("\"row\":2,\"outcome\":\"UPDATED\""));
    assertTrue(page.body(), page.body().contains("\"field\":\"name\""));
    assertTrue(page.header("Link").orElseThrow().contains("rel=\"next\""));
    HttpResult rest = get(API + "/imports/" + id + "/report?limit=3&cursor=4", DemoUser.SALES);
    assertTrue(rest.body(), rest.body().contains("\"field\":\"stage\""));
    assertTrue(rest.body(), rest.body().contains("\"row\":6,\"outcome\":\"UPDATED\""));

    HttpResult updated = get(API + "/accounts/" + idOf(existing), DemoUser.SALES);
    assertTrue(updated.body(), updated.body().contains("\"name\":\"After " + ref + "\""));
    assertTrue(updated.body(), updated.body().contains("\"stage\":\"CUSTOMER\""));
    HttpResult named = get(API + "/accounts?name=Again%20" + ref, DemoUser.SALES);
    assertTrue(named.body(), named.body().contains("\"taxId\":\"DE123456\""));

    assertEquals(404, get(API + "/imports/" + id, DemoUser.VIEWER).status());
    assertEquals(200, get(API + "/imports/" + id, DemoUser.ADMIN).status());
  }

  @Test
  public void anXlsxWorkbookIsReadInTheContainer() throws IOException {
    String ref = "XL-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] xlsx =
        workbook(
            new String[][] {
              {"Name", "ERP", "E-Mail"},
              {"Xlsx one " + ref, ref + "-1", "one@" + ref.toLowerCase() + ".example"},
              {"Xlsx two " + ref, ref + "-2", ""}
            });
    HttpResult started = upload("?match=erp-ref&fileName=k.xlsx", XLSX, xlsx, DemoUser.SALES);
    assertEquals(started.toString(), 202, started.status());
    String job = awaitDone(idOf(started), DemoUser.SALES);
    assertEquals(job, 2, number(job, "inserted"));
    HttpResult named = get(API + "/accounts?name=Xlsx%20one%20" + ref, DemoUser.SALES);
    assertTrue(named.body(), named.body().contains("\"erpRef\":\"" + ref + "-1\""));
  }

  @Test
  public void aDryRunWritesNothingAndBadRequestsAreRefused() {
    String ref = "DRY-" + UUID.randomUUID().toString().substring(0, 8);
    String csv = "name,erpRef\nDry " + ref + "," + ref + "\nDry again " + ref + "," + ref + "\n";
    HttpResult started =
        upload(
            "?match=erpRef&dryRun=true",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8),
            DemoUser.SALES);
    assertEquals(started.toString(), 202, started.status());
    String job = awaitDone(idOf(started), DemoUser.SALES);
    assertEquals(job, 1, number(job, "inserted"));
    assertEquals(job, 1, number(job, "updated"));
    HttpResult named = get(API + "/accounts?name=Dry%20" + ref, DemoUser.ADMIN);
    assertFalse(named.body(), named.body().contains(ref));

    HttpResult noWrite =
        upload("", "text/csv", csv.getBytes(StandardCharsets.UTF_8), DemoUser.VIEWER);
    assertEquals(noWrite.toString(), 403, noWrite.status());
    HttpResult badMapping =
        upload(
            "?mapping=Firma%3Dname",
            "text/csv", csv.getBytes(StandardCharsets.UTF_8), DemoUser.SALES);
    assertEquals(badMapping.toString(), 422, badMapping.status());
    assertTrue(badMapping.body(), badMapping.body().contains("Firma is not in the file"));
    HttpResult json = upload("", "application/json", "{}".getBytes(), DemoUser.SALES);
    assertEquals(json.toString(), 415, json.status());
  }

  @Test
  public void theShellImportsAFileAndShowsItsProgress() throws IOException {
    String ref = "SH-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("name,erpRef\n");
    for (int i = 0; i < 300; i++) {
      csv.append("Shell ")
          .append(ref)
          .append(' ')
          .append(i)
          .append(',')
          .append(ref)
          .append('-')
          .append(i)
          .append('\n');
    }
    Path file = Files.createTempFile("crm-import", ".csv");
    Files.writeString(file, csv);
    String out =
        executeCommand(
            "crm:import --match erpRef " + file, Duration.ofMinutes(6), "admin", "admin");
    assertTrue(out, out.contains("300/300 rows, 300 inserted, 0 updated, 0 rejected  DONE"));
    Matcher m = Pattern.compile("Import ([0-9a-f-]{36})").matcher(out);
    assertTrue(out, m.find());
    String status =
        executeCommand("crm:import-status " + m.group(1), Duration.ofSeconds(30), "admin", "admin");
    assertTrue(status, status.contains("100%"));
    Files.delete(file);
  }

  /** A minimal XLSX: one sheet of inline strings, no shared strings or styles. */
  static byte[] workbook(String[][] rows) throws IOException {
    StringBuilder sheet =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for (int r = 0; r < rows.length; r++) {
      sheet.append("<row r=\"").append(r + 1).append("\">");
      for (int c = 0; c < rows[r].length; c++) {
        sheet
            .append("<c r=\"")
            .append((char) ('A' + c))
            .append(r + 1)
            .append("\" t=\"inlineStr\">")
            .append("<is><t>")
            .append(rows[r][c])
            .append("</t></is></c>");
      }
      sheet.append("</row>");
    }
    sheet.append("</sheetData></worksheet>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
              + "</Relationships>");
      entry(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
              + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
              + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
              + "<sheets><sheet name=\"Accounts\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              + "</Relationships>");
      entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
