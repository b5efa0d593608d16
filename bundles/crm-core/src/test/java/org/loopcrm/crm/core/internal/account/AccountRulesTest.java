package org.loopcrm.crm.core.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;

class AccountRulesTest {
  private static final Actor SALES = new Actor("sales", Set.of(Role.CRM_USER), Actor.Channel.REST);
  private static final Actor VIEWER =
      new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.SHELL);
  private static final Actor NOBODY = new Actor("nobody", Set.of(), Actor.Channel.REST);

  @Test
  void newAccountGetsTrimmedValuesAndDefaults() {
    AccountDraft d =
        AccountRules.validNewAccount(SALES, new AccountDraft(" Acme ", " ", null, null));
    assertThat(d).isEqualTo(new AccountDraft("Acme", null, "sales", LifecycleStage.PROSPECT));
  }

  @Test
  void updateRequiresEveryField() {
    assertThatThrownBy(() -> AccountRules.validUpdate(new AccountDraft("Acme", null, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("owner", "stage"));
  }

  @Test
  void nameLongerThan200IsRefused() {
    assertThatThrownBy(
            () ->
                AccountRules.validNewAccount(
                    SALES, new AccountDraft("x".repeat(201), null, null, null)))
        .hasMessageContaining("name must be at most 200");
    assertThatCode(
            () ->
                AccountRules.validNewAccount(
                    SALES, new AccountDraft("x".repeat(200), null, null, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void missingBodyIsAFieldError() {
    assertThatThrownBy(() -> AccountRules.validNewAccount(SALES, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("body");
    assertThatThrownBy(() -> AccountRules.validContact(null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void contactFieldsAreChecked() {
    assertThat(
            AccountRules.validContact(
                new ContactDraft(null, "Lovelace", "ada@example.com", "+44 (20) 7946-0000", null)))
        .extracting(ContactDraft::lastName)
        .isEqualTo("Lovelace");
    assertThatThrownBy(
            () -> AccountRules.validContact(new ContactDraft(null, "L", "a@b", "call me", null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("email", "phone"));
  }

  @Test
  void onlySensibleStageMovesAreAllowed() {
    assertThatCode(
            () -> AccountRules.checkTransition(LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> AccountRules.checkTransition(LifecycleStage.INACTIVE, LifecycleStage.CUSTOMER))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> AccountRules.checkTransition(LifecycleStage.CUSTOMER, LifecycleStage.CUSTOMER))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> AccountRules.checkTransition(LifecycleStage.CUSTOMER, LifecycleStage.PROSPECT))
        .isInstanceOf(ConflictException.class);
    assertThatCode(
            () -> AccountRules.checkTransition(LifecycleStage.CHURNED, LifecycleStage.PROSPECT))
        .as("a churned account may be worked again as a prospect")
        .doesNotThrowAnyException();
    assertThatCode(
            () -> AccountRules.checkTransition(LifecycleStage.SUSPECT, LifecycleStage.PROSPECT))
        .doesNotThrowAnyException();
    // REPEAT, LOYAL and AT_RISK are the rules' to set; people cannot move there or back down.
    for (LifecycleStage ruled :
        new LifecycleStage[] {
          LifecycleStage.REPEAT, LifecycleStage.LOYAL, LifecycleStage.AT_RISK
        }) {
      assertThatThrownBy(() -> AccountRules.checkTransition(LifecycleStage.CUSTOMER, ruled))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> AccountRules.checkTransition(ruled, LifecycleStage.CUSTOMER))
          .isInstanceOf(ConflictException.class);
    }
  }
}
