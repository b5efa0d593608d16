package org.loopcrm.crm.core.internal.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportMode;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.MatchKey;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;
import org.loopcrm.crm.transfer.internal.imports.ImportDriver;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Imports N generated accounts from a CSV file through the real import path (crm-transfer's driver
 * and Commons CSV reader, crm-core's chunk writer: validation, the plugin pipeline, audit, outbox,
 * per-row report and checkpoint per chunk transaction) into an embedded PostgreSQL, then COPYs the
 * same N accounts into the same tables of a fresh database, and prints both rates.
 *
 * <p>Arguments: {@code [rows (1000000)] [chunkSize (500)] [matchKey: ERP_REF|NONE (ERP_REF)]}.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    MatchKey key = args.length > 2 ? MatchKey.valueOf(args[2]) : MatchKey.ERP_REF;
    Path work = Files.createTempDirectory("crm-import-bench");
    Path csv = work.resolve("accounts.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("name,erpRef,taxId,owner,stage\n");
      for (int i = 1; i <= rows; i++) {
        w.write("Bench account " + i + ",B-" + i + ",DE" + (100_000_000 + i) + ",bench,PROSPECT\n");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "crm-import-bench: %,d rows, chunk %d, match %s, file %,d bytes%n",
        rows,
        chunk,
        key,
        Files.size(csv));
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database crm_import");
        s.execute("create database crm_copy");
      }
      double importRate =
          importRun(pg.getDatabase("postgres", "crm_import"), csv, work, rows, chunk, key);
      double copyRate = copyRun(pg.getDatabase("postgres", "crm_copy"), rows, work);
      System.out.printf(
          Locale.ROOT,
          "RESULT import %,.0f rows/s | COPY %,.0f rows/s | import = %.2f%% of COPY%n",
          importRate,
          copyRate,
          100.0 * importRate / copyRate);
    }
  }

  private static double importRun(
      DataSource ds, Path csv, Path work, int rows, int chunk, MatchKey key) throws Exception {
    SchemaMigration.migrate(ds);
    EntityManagerFactory emf =
        Persistence.createEntityManagerFactory(
            "crm", Map.of("javax.persistence.nonJtaDataSource", ds));
    JpaImportJobService jobs =
        new JpaImportJobService(
            emf, Clock.systemUTC(), new PluginPipeline(), AccessPolicy.privateAccess());
    ImportDriver driver =
        new ImportDriver(
            jobs, Map.of("directory", work.resolve("uploads").toString(), "chunkSize", chunk));
    Actor actor = new Actor("bench", Set.of(Role.CRM_ADMIN), Actor.Channel.SYSTEM);
    long t0 = System.nanoTime();
    ImportJob job;
    try (InputStream in = Files.newInputStream(csv)) {
      job =
          driver.submit(
              actor,
              "accounts.csv",
              ImportFormat.CSV,
              in,
              new ImportOptions(null, null, key, ImportMode.UPSERT, false));
    }
    long lastPrint = t0;
    while (!job.state().finished()) {
      Thread.sleep(200);
      job = jobs.job(actor, job.id());
      long now = System.nanoTime();
      if (now - lastPrint > 15_000_000_000L) {
        lastPrint = now;
        System.out.printf(
            Locale.ROOT,
            "  import: %,d / %,d rows after %.0f s%n",
            job.rowsProcessed(),
            rows,
            (now - t0) / 1e9);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    driver.deactivate();
    emf.close();
    if (job.inserted() != rows) {
      throw new IllegalStateException("the import did not insert every row: " + job);
    }
    double rate = rows / seconds;
    System.out.printf(
        Locale.ROOT,
        "import (CSV -> driver -> chunk writer, %s): %,d rows in %.1f s = %,.0f rows/s"
            + " (each row: account, audit entry, outbox event, report row)%n",
        job.state(),
        rows,
        seconds,
        rate);
    return rate;
  }

  private static double copyRun(DataSource ds, int rows, Path work) throws Exception {
    SchemaMigration.migrate(ds);
    Path party = work.resolve("party.csv");
    Path org = work.resolve("organization.csv");
    String now = Instant.now().toString();
    try (BufferedWriter p = Files.newBufferedWriter(party, StandardCharsets.UTF_8);
        BufferedWriter o = Files.newBufferedWriter(org, StandardCharsets.UTF_8)) {
      for (int i = 1; i <= rows; i++) {
        String id = UUID.randomUUID().toString();
        p.write(id + ",ORGANIZATION,0," + now + "," + now + "\n");
        o.write(
            id
                + ",Bench account "
                + i
                + ",bench account "
                + i
                + ",B-"
                + i
                + ",DE"
                + (100_000_000 + i)
                + ",bench,PROSPECT,ACTIVE,0,0\n");
      }
    }
    long t0 = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
      try (Reader r = Files.newBufferedReader(party, StandardCharsets.UTF_8)) {
        copy.copyIn(
            "copy crm_party (id, party_type, version, created_at, updated_at) from stdin (format"
                + " csv)",
            r);
      }
      try (Reader r = Files.newBufferedReader(org, StandardCharsets.UTF_8)) {
        copy.copyIn(
            "copy crm_organization (party_id, name, sort_name, erp_ref, tax_id, owner_user, stage,"
                + " status, receivables_open, invoice_count) from stdin (format csv)",
            r);
      }
      c.commit();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double rate = rows / seconds;
    System.out.printf(
        Locale.ROOT,
        "COPY (crm_party + crm_organization, same rows, fresh schema): %,d rows in %.1f s ="
            + " %,.0f rows/s%n",
        rows,
        seconds,
        rate);
    return rate;
  }
}
