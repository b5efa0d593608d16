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
import org.loopcrm.crm.api.erp.port.CustomerRecord;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyService;

/**
 * What a push writes: a change of contact mechanisms at a version Tryton holds writes the contact
 * details alone, never the CRM's name over a newer one Tryton has (a rename the poller has not
 * brought back yet). TrytonErpIT's rename test lost Tryton's new name to such a push.
 */
class CustomerPushTest {
  private static final UUID ACCOUNT = UUID.randomUUID();
  private final List<String> written = new ArrayList<>();
  private final List<CustomerRecord> records = new ArrayList<>();

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
    CustomerWriter erp =
        (CustomerWriter)
            Proxy.newProxyInstance(
                CustomerWriter.class.getClassLoader(),
                new Class<?>[] {CustomerWriter.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "system" -> TrytonErp.SYSTEM;
                      case "upsertCustomer" -> {
                        written.add("whole");
                        records.add((CustomerRecord) args[0]);
                        yield "7";
                      }
                      case "writeContactDetails" -> {
                        written.add("contact details of " + args[0]);
                        records.add((CustomerRecord) args[1]);
                        yield "7";
                      }
                      default -> throw new AssertionError("not expected: " + method.getName());
                    });
    RecordingFacts facts =
        new RecordingFacts() {
          @Override
          public Optional<String> agreedRef(String system, UUID accountId, long version) {
            return agreed && version == 3 ? Optional.of("7") : Optional.empty();
          }
        };
    return new CustomerPush(accounts, parties, erp, facts);
  }

  @Test
  void changedMechanismsAtAnAgreedVersionWriteTheContactDetailsAloneNeverTheName() {
    assertThat(push(true).push(ACCOUNT, true)).isEqualTo("7");

    assertThat(written).containsExactly("contact details of 7");
    assertThat(records.get(0).email()).isEqualTo("new@example.com");
  }

  @Test
  void anAccountChangedInTheCrmIsWrittenWhole() {
    push(false).push(ACCOUNT, true);

    assertThat(written).containsExactly("whole");
    assertThat(records.get(0).name()).isEqualTo("Name in the CRM");
  }

  @Test
  void anAgreedVersionWithoutMechanismChangesWritesNothing() {
    push(true).push(ACCOUNT, false);

    assertThat(written).isEmpty();
  }
}
