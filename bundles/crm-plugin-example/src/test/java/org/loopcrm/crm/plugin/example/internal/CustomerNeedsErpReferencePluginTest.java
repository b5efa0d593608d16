package org.loopcrm.crm.plugin.example.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.loopcrm.crm.api.plugin.Stage;

class CustomerNeedsErpReferencePluginTest {
  private static PluginContext contextOf(AccountDraft draft) {
    return new PluginContext() {
      @Override
      public String entity() {
        return "account";
      }

      @Override
      public Operation operation() {
        return Operation.CREATE;
      }

      @Override
      public Stage stage() {
        return Stage.PRE_VALIDATION;
      }

      @Override
      public Actor actor() {
        return new Actor("sales", Set.of(), Actor.Channel.REST);
      }

      @Override
      public UUID correlationId() {
        return UUID.randomUUID();
      }

      @Override
      public Object target() {
        return draft;
      }

      @Override
      public Object preImage() {
        return null;
      }

      @Override
      public Object postImage() {
        return null;
      }

      @Override
      public Set<String> changedFields() {
        return Set.of("stage");
      }

      @Override
      public void replaceTarget(Object newTarget) {
        throw new AssertionError("the example plugin never replaces the target");
      }
    };
  }

  private final CustomerNeedsErpReferencePlugin plugin = new CustomerNeedsErpReferencePlugin();

  @Test
  void vetoesACustomerWithoutErpReference() {
    assertThatThrownBy(
            () ->
                plugin.execute(
                    contextOf(new AccountDraft("A", " ", null, LifecycleStage.CUSTOMER))))
        .isInstanceOf(PluginVetoException.class)
        .hasMessage(CustomerNeedsErpReferencePlugin.MESSAGE);
  }

  @Test
  void letsProspectsAndLinkedCustomersPass() {
    assertThatCode(
            () ->
                plugin.execute(
                    contextOf(new AccountDraft("A", null, null, LifecycleStage.PROSPECT))))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                plugin.execute(
                    contextOf(new AccountDraft("A", "P-1", null, LifecycleStage.CUSTOMER))))
        .doesNotThrowAnyException();
  }
}
