package org.loopcrm.crm.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the packaged bundle's manifest: it re-exports only Camel and imports a whitelist. */
class CrmCamelManifestIT {

  private static Attributes manifest;

  @BeforeAll
  static void readManifest() throws IOException {
    Path jar = Path.of(System.getProperty("crm.camel.jar"));
    try (JarFile file = new JarFile(jar.toFile())) {
      manifest = file.getManifest().getMainAttributes();
    }
  }

  @Test
  void exportsOnlyTheCamelApiAtTheCamelVersion() {
    List<String> exports = clauses(manifest.getValue("Export-Package"));

    assertThat(exports).isNotEmpty();
    // Besides the Camel API, one narrow package of the CRM's own (JMS without JMS types).
    assertThat(exports)
        .filteredOn(clause -> clause.startsWith("org.loopcrm."))
        .singleElement()
        .satisfies(
            clause ->
                assertThat(clause)
                    .startsWith("org.loopcrm.crm.camel.jms;")
                    .contains("version=\"1.0.0\""));
    assertThat(exports)
        .filteredOn(clause -> !clause.startsWith("org.loopcrm."))
        .allSatisfy(
            clause -> {
              assertThat(clause).startsWith("org.apache.camel");
              assertThat(clause)
                  .contains("version=\"" + System.getProperty("camel.version") + "\"");
            });
    assertThat(packageNames(exports))
        .contains(
            "org.apache.camel",
            "org.apache.camel.builder",
            "org.apache.camel.spi",
            "org.apache.camel.support",
            "org.apache.camel.impl",
            "org.apache.camel.model.dataformat",
            "org.apache.camel.component.jms",
            "org.apache.camel.component.http",
            "org.apache.camel.component.file");
  }

  @Test
  void importsOnlyTheWhitelist() {
    List<String> imports = clauses(manifest.getValue("Import-Package"));

    assertThat(packageNames(imports))
        .allMatch(
            name ->
                name.equals("org.slf4j")
                    || name.startsWith("org.slf4j.")
                    || name.equals("org.osgi.framework")
                    || name.equals("org.ietf.jgss")
                    || name.startsWith("javax.")
                    || name.startsWith("org.w3c.")
                    || name.startsWith("org.xml.")
                    || name.startsWith("jdk.")
                    || name.startsWith("sun."))
        .noneMatch(name -> name.startsWith("javax.servlet"));
    assertThat(imports)
        .filteredOn(
            clause -> !clause.startsWith("org.slf4j;") && !clause.startsWith("org.slf4j.spi;"))
        .allMatch(clause -> clause.contains("resolution:=optional"));
    assertThat(manifest.getValue("DynamicImport-Package")).isNull();
  }

  @Test
  void embedsCamelJmsWithSpringJakartaJmsAndTheArtemisClient() {
    assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("org.loopcrm.crm-camel");
    assertThat(manifest.getValue("Bundle-ClassPath"))
        .contains("lib/camel-core-engine-", "lib/camel-jms-", "lib/camel-jackson-")
        .contains("lib/spring-jms-7.0.", "lib/jakarta.jms-api-3.1.")
        .contains("lib/artemis-jakarta-client-2.40.");
  }

  private static List<String> packageNames(List<String> clauses) {
    return clauses.stream().map(clause -> clause.split(";", 2)[0]).toList();
  }

  /** Splits a manifest header at the commas that are outside quotes. */
  private static List<String> clauses(String header) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }
}
