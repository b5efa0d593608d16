package org.loopcrm.crm.erp.tryton.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The validated configuration, with the password resolved from its file or environment variable.
 * {@link #toString()} never shows the password.
 */
record TrytonSettings(
    URI url,
    String database,
    String user,
    String password,
    int connectTimeoutMs,
    int responseTimeoutMs,
    String warehouse,
    long pollIntervalMs,
    int pollBatchSize) {

  TrytonSettings {
    if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new IllegalArgumentException("url must be an http or https URL, e.g. http://host:8000");
    }
    if (database == null || !database.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("database must be a Tryton database name");
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user is required");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "no password: set passwordFile to a file holding it, or the variable named by"
              + " passwordEnv");
    }
    if (connectTimeoutMs < 1 || responseTimeoutMs < 1) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (pollIntervalMs < 100) {
      throw new IllegalArgumentException("pollIntervalMs must be at least 100");
    }
    if (pollBatchSize < 1 || pollBatchSize > 10_000) {
      throw new IllegalArgumentException("pollBatchSize must be between 1 and 10000");
    }
  }

  /** Reads the configuration; {@code env} looks up environment variables. */
  static TrytonSettings from(TrytonConfiguration config, UnaryOperator<String> env) {
    return new TrytonSettings(
        URI.create(stripSlash(config.url().trim())),
        config.database().trim(),
        config.user().trim(),
        password(config.passwordFile().trim(), config.passwordEnv().trim(), env),
        config.connectTimeoutMs(),
        config.responseTimeoutMs(),
        config.warehouse().trim(),
        config.pollIntervalMs(),
        config.pollBatchSize());
  }

  /** The JSON-RPC endpoint: the database is the path. */
  String rpcUrl() {
    return url + "/" + database + "/";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String password(String file, String envName, UnaryOperator<String> env) {
    if (!file.isEmpty()) {
      try {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read passwordFile " + file, e);
      }
    }
    return envName.isEmpty() ? null : env.apply(envName);
  }

  @Override
  public String toString() {
    return "TrytonSettings[url="
        + url
        + ", database="
        + database
        + ", user="
        + user
        + ", password=***, warehouse="
        + warehouse
        + ", pollIntervalMs="
        + pollIntervalMs
        + "]";
  }
}
