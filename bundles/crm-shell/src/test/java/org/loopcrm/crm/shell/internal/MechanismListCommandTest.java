package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.MechanismConsent;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentStatus;

class MechanismListCommandTest {

  private static ContactMechanism mechanism(
      MechanismKind kind, String value, String network, PostalAddress a, List<MechanismConsent> c) {
    return new ContactMechanism(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        kind,
        value,
        network,
        a,
        Set.of(MechanismPurpose.PRIMARY, MechanismPurpose.BILLING),
        LocalDate.of(2026, 1, 1),
        null,
        c,
        0,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void showsValuesPurposesPeriodsAndConsents() {
    MechanismConsent granted =
        new MechanismConsent(
            UUID.randomUUID(),
            "newsletter",
            ConsentChannel.EMAIL,
            ConsentStatus.GRANTED,
            "web-form",
            Instant.EPOCH,
            null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MechanismListCommand.print(
        List.of(
            mechanism(MechanismKind.EMAIL, "ada@example.com", null, null, List.of(granted)),
            mechanism(
                MechanismKind.POSTAL,
                null,
                null,
                new PostalAddress("Hauptstr. 1", "Berlin", "10115", null, "DE"),
                List.of()),
            mechanism(MechanismKind.SOCIAL, "ada", "linkedin", null, List.of())),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("ada@example.com")
        .contains("PRIMARY,BILLING")
        .contains("2026-01-01..")
        .contains("newsletter/EMAIL=GRANTED")
        .contains("Hauptstr. 1, 10115 Berlin, DE")
        .contains("linkedin:ada");
  }
}
