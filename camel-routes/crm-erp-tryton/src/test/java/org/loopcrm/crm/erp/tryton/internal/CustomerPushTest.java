package org.loopcrm.crm.erp.tryton.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.erp.port.CustomerMasterPort;
import org.loopcrm.crm.api.erp.port.CustomerRecord;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyService;

/**
 * What a push writes: a change of contact mechanisms at a version Tryton holds writes the
 * mechanisms, never the CRM's name over a newer one Tryton has (a rename the poller has not brought
 * back yet). TrytonErpIT's rename test lost Tryton's new name to such a push.
 */
class CustomerPushTest {
  private static final UUID ACCOUNT = UUID.randomUUID();
  private final List<CustomerRecord> written = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private static <T> T stub(Class<T> type, java.util.function.Function<String, Object> answers) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
              }
              Object answer = answers.apply(method.getName());
              if (answer == null) {
                throw new AssertionError("not expected: " + method.getName());
              }
              return answer;
            });
  }

  private CustomerPush push(boolean agreed) {
    Account account =
        new Account(
            ACCOUNT,
            "Name in the CRM",
            "7",
            "DE123",
            "sales",
            LifecycleStage.CUSTOMER,
            AccountStatus.ACTIVE,
            null,
            3,
            Instant.EPOCH,
            Instant.EPOCH);
    ContactMechanism email =
        new ContactMechanism(
            UUID.randomUUID(),
            ACCOUNT,
            ACCOUNT,
            MechanismKind.EMAIL,
            "new@example.com",
            null,
            null,
            Set.of(MechanismPurpose.PRIMARY),
            null,
            null,
            List.of(),
            1,
            Instant.EPOCH,
            Instant.EPOCH);
    AccountService accounts = stub(AccountService.class, m -> m.equals("get") ? account : null);
    PartyService parties =
        stub(PartyService.class, m -> m.equals("mechanisms") ? List.of(email) : null);
    CustomerMasterPort erp =
        stub(
            CustomerMasterPort.class,
            m ->
                switch (m) {
                  case "system" -> TrytonErp.SYSTEM;
                  case "customer" ->
                      Optional.of(
                          new CustomerRecord(
                              ACCOUNT,
                              "7",
                              "Renamed in Tryton",
                              "DE123",
                              null,
                              null,
                              null,
                              List.of(),
                              Instant.EPOCH));
                  default -> null;
                });
    CustomerMasterPort recording =
        (CustomerMasterPort)
            Proxy.newProxyInstance(
                CustomerMasterPort.class.getClassLoader(),
                new Class<?>[] {CustomerMasterPort.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("upsertCustomer")) {
                    written.add((CustomerRecord) args[0]);
                    return "7";
                  }
                  return method.invoke(erp, args);
                });
    RecordingFacts facts =
        new RecordingFacts() {
          @Override
          public Optional<String> agreedRef(String system, UUID accountId, long version) {
            return agreed && version == 3 ? Optional.of("7") : Optional.empty();
          }
        };
    return new CustomerPush(accounts, parties, recording, facts);
  }

  @Test
  void changedMechanismsAtAnAgreedVersionKeepTrytonsNameAndCarryTheNewEmail() {
    assertThat(push(true).push(ACCOUNT, true)).isEqualTo("7");

    assertThat(written)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("Renamed in Tryton");
              assertThat(r.email()).isEqualTo("new@example.com");
            });
  }

  @Test
  void anAccountChangedInTheCrmIsWrittenAsItIs() {
    push(false).push(ACCOUNT, true);

    assertThat(written)
        .singleElement()
        .satisfies(r -> assertThat(r.name()).isEqualTo("Name in the CRM"));
  }

  @Test
  void anAgreedVersionWithoutMechanismChangesWritesNothing() {
    push(true).push(ACCOUNT, false);

    assertThat(written).isEmpty();
  }
}
