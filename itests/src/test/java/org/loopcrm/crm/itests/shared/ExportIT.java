package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Exports through REST in the distribution: CSV, XLSX (POI inside Karaf), vCard and JSON of the
 * filtered account list and of its contacts, streamed (no Content-Length) as attachments; the
 * caller sees what the list shows (another user's private account is absent, finance columns empty
 * for a viewer); an unknown column is a 400 problem; the export is audited once; and the shell
 * command writes a file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ExportIT extends CrmTestSupport {
  private final HttpClient client = HttpClient.newHttpClient();

  @Before
  public void ready() {
    awaitCrmReady();
    // Sales owns the accounts; the viewer sees them as a team mate. Integration owns one outside
    // their circle.
    ensureTeam("Export desk", DemoUser.SALES, DemoUser.VIEWER);
  }

  private String createAccount(DemoUser owner, String name) {
    HttpResult r =
        post(API + "/accounts", owner, "{\"name\":\"" + name.replace("\"", "\\\"") + "\"}");
    assertEquals(r.toString(), 201, r.status());
    return idOf(r);
  }

  private HttpResponse<byte[]> download(String path, DemoUser user) {
    String token = user.userName() + ":" + user.userName();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static String header(HttpResponse<byte[]> r, String name) {
    return r.headers().firstValue(name).orElse(null);
  }

  /** The first sheet's XML of an XLSX file (SXSSF writes inline strings, so names are in it). */
  private static String sheetXml(byte[] xlsx) throws IOException {
    // Read through the central directory: POI's streamed entries are not for ZipInputStream.
    Path file = Files.createTempFile("export", ".xlsx");
    try {
      Files.write(file, xlsx);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
        if (sheet == null) {
          throw new AssertionError("no sheet1.xml in the workbook");
        }
        return new String(zip.getInputStream(sheet).readAllBytes(), StandardCharsets.UTF_8);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  public void everyFormatStreamsWhatTheListShows() throws IOException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String prefix = "Exp" + suffix;
    String acme = createAccount(DemoUser.SALES, prefix + " Acme, \"Größe\" GmbH");
    createAccount(DemoUser.SALES, prefix + " =Formula Ltd");
    createAccount(DemoUser.SALES, "Other" + suffix);
    createAccount(DemoUser.INTEGRATION, prefix + " Private of service");
    HttpResult mech =
        post(
            API + "/accounts/" + acme + "/mechanisms",
            DemoUser.SALES,
            "{\"kind\":\"EMAIL\",\"value\":\"info@acme.example\",\"purposes\":[\"PRIMARY\"]}");
    assertEquals(mech.toString(), 201, mech.status());
    HttpResult contact =
        post(
            API + "/accounts/" + acme + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Zoë\",\"lastName\":\"Ångström\",\"email\":\"zoe@acme.example\"}");
    assertEquals(contact.toString(), 201, contact.status());
    HttpResult formula =
        post(
            API + "/accounts/" + acme + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Eve\",\"lastName\":\"@SUM(1+1)\"}");
    assertEquals(formula.toString(), 201, formula.status());
    String filter = "&name=" + prefix;

    // CSV: header, quoting, Unicode, the injection guard; no other user's private account.
    HttpResponse<byte[]> csv =
        download(API + "/accounts/export?format=csv&sort=name" + filter, DemoUser.SALES);
    assertEquals(text(csv), 200, csv.statusCode());
    assertTrue(header(csv, "Content-Type"), header(csv, "Content-Type").startsWith("text/csv"));
    assertTrue(
        header(csv, "Content-Disposition"),
        header(csv, "Content-Disposition").matches("attachment; filename=\"accounts-.*\\.csv\""));
    assertEquals(null, header(csv, "Content-Length"));
    String body = text(csv);
    assertTrue(body, body.startsWith("id,name,taxId,erpRef,owner,stage,status,email,"));
    assertTrue(body, body.contains("\"" + prefix + " Acme, \"\"Größe\"\" GmbH\""));
    assertTrue(body, body.contains("info@acme.example"));
    assertFalse(body, body.contains("Private of service"));
    assertFalse(body, body.contains("Other" + suffix));
    assertEquals(body, 3, body.split("\r\n").length);

    // Contacts as CSV: a cell a spreadsheet would run is defused.
    HttpResponse<byte[]> contacts =
        download(
            API + "/contacts/export?format=csv&columns=firstName,lastName&bom=true" + filter,
            DemoUser.SALES);
    assertEquals(text(contacts), 200, contacts.statusCode());
    assertTrue(text(contacts), text(contacts).startsWith("\uFEFFfirstName,lastName\r\n"));
    assertTrue(text(contacts), text(contacts).contains("Eve,'@SUM(1+1)\r\n"));
    assertTrue(text(contacts), text(contacts).contains("Zoë,Ångström\r\n"));

    // The viewer sees the team's accounts, without finance values.
    HttpResponse<byte[]> viewer =
        download(
            API + "/accounts/export?format=csv&columns=name,openReceivables" + filter,
            DemoUser.VIEWER);
    assertEquals(text(viewer), 200, viewer.statusCode());
    assertTrue(text(viewer), text(viewer).contains(prefix + " =Formula Ltd,\r\n"));
    HttpResponse<byte[]> sales =
        download(
            API + "/accounts/export?format=csv&columns=name,openReceivables" + filter,
            DemoUser.SALES);
    assertTrue(text(sales), text(sales).contains(prefix + " =Formula Ltd,0\r\n"));

    // XLSX, written by POI inside Karaf.
    HttpResponse<byte[]> xlsx =
        download(API + "/accounts/export?format=xlsx" + filter, DemoUser.SALES);
    assertEquals(text(xlsx), 200, xlsx.statusCode());
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        header(xlsx, "Content-Type"));
    String sheet = sheetXml(xlsx.body());
    assertTrue(sheet, sheet.contains("Größe"));
    assertTrue(sheet, sheet.contains(">name<"));
    assertFalse(sheet, sheet.contains("Private of service"));

    // JSON and vCard of the contacts.
    HttpResponse<byte[]> json =
        download(
            API + "/accounts/export?format=json&columns=name,email,tags" + filter, DemoUser.SALES);
    assertEquals(text(json), 200, json.statusCode());
    assertTrue(text(json), text(json).startsWith("[{\"name\":"));
    assertTrue(text(json), text(json).contains("\"email\":\"info@acme.example\",\"tags\":[]"));
    assertFalse(text(json), text(json).contains("Private of service"));
    HttpResponse<byte[]> vcard =
        download(API + "/contacts/export?format=vcard" + filter, DemoUser.SALES);
    assertEquals(text(vcard), 200, vcard.statusCode());
    assertTrue(
        header(vcard, "Content-Type"), header(vcard, "Content-Type").startsWith("text/vcard"));
    String cards = text(vcard);
    assertTrue(cards, cards.contains("VERSION:4.0"));
    assertTrue(cards, cards.contains("FN:Zoë Ångström"));
    assertTrue(cards, cards.contains("EMAIL:zoe@acme.example"));
    assertEquals(cards, 2, cards.split("BEGIN:VCARD").length - 1);
    HttpResponse<byte[]> orgs =
        download(API + "/accounts/export?format=vcard" + filter, DemoUser.SALES);
    assertTrue(text(orgs), text(orgs).contains("KIND:org"));

    // Bad requests are problems before any byte.
    HttpResponse<byte[]> unknown =
        download(API + "/accounts/export?format=csv&columns=name,shoeSize", DemoUser.SALES);
    assertEquals(text(unknown), 400, unknown.statusCode());
    assertEquals("application/problem+json", header(unknown, "Content-Type"));
    assertTrue(text(unknown), text(unknown).contains("shoeSize"));
    HttpResponse<byte[]> format = download(API + "/accounts/export?format=pdf", DemoUser.SALES);
    assertEquals(text(format), 400, format.statusCode());
    HttpResponse<byte[]> anonymous =
        client
            .sendAsync(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + httpPort() + API + "/accounts/export"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .join();
    assertEquals(401, anonymous.statusCode());

    // One audit entry per export, in the exporter's history, with filter and count.
    HttpResult audit = get(API + "/audit?user=viewer&limit=5", DemoUser.ADMIN);
    assertEquals(audit.toString(), 200, audit.status());
    assertTrue(audit.body(), audit.body().contains("\"action\":\"EXPORT\""));
    assertTrue(audit.body(), audit.body().contains("namePrefix=" + prefix));
    assertTrue(audit.body(), audit.body().contains("\"newValue\":\"2\""));
  }

  @Test
  public void theShellCommandWritesAFile() throws IOException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    createAccount(DemoUser.SALES, "Shellexp" + suffix + " One");
    createAccount(DemoUser.INTEGRATION, "Shellexp" + suffix + " Two");
    Path out = Files.createTempDirectory("export").resolve("accounts.json");

    String printed =
        executeCommand("crm:export --format json --out " + out + " --name Shellexp" + suffix);

    assertTrue(printed, printed.contains("exported 2 accounts"));
    String json = Files.readString(out);
    assertTrue(json, json.contains("Shellexp" + suffix + " One"));
    assertTrue(json, json.contains("Shellexp" + suffix + " Two"));
  }
}
