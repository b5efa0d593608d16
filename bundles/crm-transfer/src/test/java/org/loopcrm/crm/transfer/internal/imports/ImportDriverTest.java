package org.loopcrm.crm.transfer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.ImportRow;
import org.loopcrm.crm.api.dataimport.ImportState;
import org.loopcrm.crm.api.dataimport.MatchKey;

/** The driver with CSV and XLSX files against an in-memory job store. */
class ImportDriverTest {
  static final Actor SALES = new Actor("sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);

  @TempDir Path dir;
  private ImportDriver driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.deactivate();
    }
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ImportJob await(FakeJobs jobs, ImportJob job) {
    return Awaitility.await("job " + job.id())
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobs.job(SALES, job.id()), j -> j.state().finished());
  }

  private static ImportOptions options(MatchKey key, Map<String, String> mapping) {
    return new ImportOptions(null, mapping, key, null, false);
  }

  @Test
  void csvRowsAreMappedByHeaderAliasesAndWrittenInChunks() throws IOException {
    FakeJobs jobs = new FakeJobs();
    driver = new ImportDriver(jobs, dir, 2);
    String csv =
        "\uFEFFCompany;ERP Ref;VAT-ID;Notes\n"
            + "Acme;E1;DE 1;x\n"
            + "\n"
            + "\"Beta; Ltd\";E2;;\"two\nlines\"\n"
            + "Gamma;E3;;\n";
    ImportJob job =
        driver.submit(SALES, "a.csv", ImportFormat.CSV, text(csv), options(MatchKey.ERP_REF, null));
    ImportJob done = await(jobs, job);
    assertThat(done.state()).isEqualTo(ImportState.DONE);
    assertThat(done.rowsTotal()).isEqualTo(3L);
    assertThat(jobs.chunks).extracting(List::size).containsExactly(2, 1);
    assertThat(jobs.rows()).extracting(ImportRow::rowNumber).containsExactly(2L, 4L, 5L);
    assertThat(jobs.rows().get(0).values())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("name", "Acme", "erpRef", "E1", "taxId", "DE 1"));
    assertThat(jobs.rows().get(1).values()).containsEntry("name", "Beta; Ltd");
    try (var files = Files.list(dir)) {
      assertThat(files).as("the upload is deleted when the job ends").isEmpty();
    }
  }

  @Test
  void xlsxIsReadFromTheFirstSheetWithAnExplicitMapping() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet s = wb.createSheet("Kunden");
      s.createRow(0).createCell(0).setCellValue("Firma");
      s.getRow(0).createCell(2).setCellValue("Steuernummer");
      s.createRow(1).createCell(0).setCellValue("Acme GmbH");
      s.getRow(1).createCell(2).setCellValue("DE123");
      s.createRow(3).createCell(0).setCellValue("Zahl AG");
      s.getRow(3).createCell(2).setCellValue(4711);
      wb.write(out);
    }
    FakeJobs jobs = new FakeJobs();
    driver = new ImportDriver(jobs, dir, 500);
    ImportJob job =
        driver.submit(
            SALES,
            "k.xlsx",
            ImportFormat.XLSX,
            new ByteArrayInputStream(out.toByteArray()),
            options(MatchKey.TAX_ID, Map.of("Firma", "name", "Steuernummer", "taxId")));
    assertThat(await(jobs, job).state()).isEqualTo(ImportState.DONE);
    assertThat(jobs.rows()).extracting(ImportRow::rowNumber).containsExactly(2L, 4L);
    assertThat(jobs.rows().get(1).values())
        .containsEntry("name", "Zahl AG")
        .containsEntry("taxId", "4711");
  }

  @Test
  void aBadHeaderOrFileIsRefusedBeforeAJobExists() {
    FakeJobs jobs = new FakeJobs();
    driver = new ImportDriver(jobs, dir, 500);
    assertThatThrownBy(
            () ->
                driver.submit(
                    SALES,
                    "a.csv",
                    ImportFormat.CSV,
                    text("Firma,Ort\nAcme,Wien\n"),
                    options(MatchKey.ERP_REF, Map.of("Stadt", "name"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Stadt is not in the file's header")
        .hasMessageContaining("needs a column for erpRef");
    assertThatThrownBy(
            () ->
                driver.submit(
                    SALES, "b.xlsx", ImportFormat.XLSX, text("name\nAcme\n"), options(null, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not an XLSX workbook");
    assertThat(jobs.jobs).isEmpty();
  }

  @Test
  void anUnfinishedJobResumesAfterItsCheckpointWhenTheDriverStarts() throws IOException {
    FakeJobs jobs = new FakeJobs();
    ImportJob created = jobs.create(SALES, "r.csv", ImportFormat.CSV, options(MatchKey.NONE, null));
    ImportJob crashed =
        jobs.put(
            new ImportJob(
                created.id(),
                ImportState.RUNNING,
                "sales",
                "r.csv",
                ImportFormat.CSV,
                created.options(),
                4L,
                2,
                2,
                0,
                0,
                3,
                null,
                Instant.now(),
                Instant.now()));
    Files.writeString(dir.resolve(crashed.id() + ".csv"), "name\nA\nB\nC\nD\n");
    driver = new ImportDriver(jobs, dir, 500);
    ImportJob done = await(jobs, crashed);
    assertThat(done.state()).isEqualTo(ImportState.DONE);
    assertThat(jobs.rows()).extracting(ImportRow::rowNumber).containsExactly(4L, 5L);
    assertThat(done.rowsProcessed()).isEqualTo(4);
  }

  @Test
  void aJobWhoseFileIsGoneFails() {
    FakeJobs jobs = new FakeJobs();
    ImportJob created = jobs.create(SALES, "g.csv", ImportFormat.CSV, options(null, null));
    driver = new ImportDriver(jobs, dir, 500);
    ImportJob failed = await(jobs, created);
    assertThat(failed.state()).isEqualTo(ImportState.FAILED);
    assertThat(failed.message()).contains("gone");
  }
}
