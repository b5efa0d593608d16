package org.loopcrm.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchOptionsTest {

  @Test
  void noArgumentsGiveTheDocumentedDefaults() {
    BenchOptions o = BenchOptions.parse();

    assertThat(o.baseUrl()).isEqualTo(URI.create("http://localhost:8181"));
    assertThat(o.user()).isEqualTo("admin");
    assertThat(o.password()).isEqualTo("admin");
    assertThat(o.clients()).isEqualTo(8);
    assertThat(o.measured()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.scenarios()).containsExactly(Scenario.CREATE, Scenario.READ, Scenario.PING);
    assertThat(o.rounds()).isEqualTo(4);
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.out()).isEmpty();
    assertThat(o.help()).isFalse();
  }

  @Test
  void everyOptionIsParsedInBothSpellings() {
    BenchOptions o =
        BenchOptions.parse(
            "--url",
            "https://crm.example.test:8443/",
            "--user=sales",
            "--password",
            "s3cret",
            "--clients=32",
            "--seconds",
            "60",
            "--warmup=0",
            "--scenarios",
            "ping, read",
            "--rounds=3",
            "--timeout=2.5",
            "--out",
            "bench/results/run.json");

    assertThat(o.baseUrl()).isEqualTo(URI.create("https://crm.example.test:8443"));
    assertThat(o.user()).isEqualTo("sales");
    assertThat(o.password()).isEqualTo("s3cret");
    assertThat(o.clients()).isEqualTo(32);
    assertThat(o.measured()).isEqualTo(Duration.ofMinutes(1));
    assertThat(o.warmup()).isZero();
    assertThat(o.scenarios()).containsExactly(Scenario.PING, Scenario.READ);
    assertThat(o.rounds()).isEqualTo(3);
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(o.out()).isEqualTo(Optional.of("bench/results/run.json"));
  }

  @Test
  void secondsMayBeFractional() {
    BenchOptions o = BenchOptions.parse("--seconds", "0.75", "--warmup", "1.5");

    assertThat(o.measured()).isEqualTo(Duration.ofMillis(750));
    assertThat(o.warmup()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void helpIsRecognised() {
    assertThat(BenchOptions.parse("--help").help()).isTrue();
    assertThat(BenchOptions.parse("-h").help()).isTrue();
  }

  @Test
  void thePasswordNeverShowsInToString() {
    assertThat(BenchOptions.parse("--password", "hunter2").toString())
        .doesNotContain("hunter2")
        .contains("user=admin");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus 1           | unknown option --bogus",
        "stray               | unexpected argument 'stray'",
        "--clients           | option --clients needs a value",
        "--clients 0         | --clients must be between 1 and 1024",
        "--clients 2000      | --clients must be between 1 and 1024",
        "--clients many      | is not a whole number",
        "--seconds 0         | --seconds must be more than zero",
        "--seconds -3        | --seconds must be more than zero",
        "--seconds ten       | is not a number",
        "--seconds 0.0001    | must be at least 0.001",
        "--warmup -1         | --warmup must be zero or more",
        "--rounds 0          | --rounds must be between 1 and 1000",
        "--seconds 0.03      | --seconds 0.03 cut into --rounds 4 gives slices under 10 ms",
        "--scenarios create,write | unknown scenario 'write'",
        "--scenarios ping,ping | names 'ping' twice",
        "--scenarios ,       | must name at least one scenario",
        "--url ftp://host    | must be an http(s) URL with a host",
        "--url localhost:8181 | must be an http(s) URL with a host",
        "--url http://h/?x=1 | must not carry a query",
        "--user=             | --user must not be empty",
      })
  void badArgumentsAreRejectedWithAMessageForTheUser(String args, String message) {
    String[] argv = args.trim().split(" +");

    assertThatThrownBy(() -> BenchOptions.parse(argv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void scenarioLabelsRoundTrip() {
    for (Scenario s : Scenario.values()) {
      assertThat(Scenario.fromLabel(s.label())).isSameAs(s);
    }
    assertThat(Scenario.fromLabel(" PING ")).isSameAs(Scenario.PING);
    assertThat(List.of(Scenario.values()))
        .extracting(Scenario::label)
        .containsExactly("create", "read", "ping");
  }
}
