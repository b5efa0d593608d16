package org.loopcrm.crm.plugin.example.internal;

import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * A company rule as a plugin: an account may only be (or become) a CUSTOMER when it is linked to
 * the ERP, so invoices can find it. Runs before validation on account create and update, and only
 * when the stage or the ERP reference is set or changed.
 */
@Component(
    property = {
      RecordPlugin.ENTITY + "=account",
      RecordPlugin.OPERATION + "=CREATE",
      RecordPlugin.OPERATION + "=UPDATE",
      RecordPlugin.STAGE + "=PRE_VALIDATION",
      RecordPlugin.ATTRIBUTES + "=stage",
      RecordPlugin.ATTRIBUTES + "=erpRef"
    })
public final class CustomerNeedsErpReferencePlugin implements RecordPlugin {
  static final String MESSAGE =
      "a CUSTOMER account needs an ERP reference (rule of the crm-plugin-example bundle)";

  @Override
  public void execute(PluginContext context) {
    AccountDraft draft = context.target(AccountDraft.class);
    if (draft != null
        && draft.stage() == LifecycleStage.CUSTOMER
        && (draft.erpRef() == null || draft.erpRef().isBlank())) {
      throw new PluginVetoException(MESSAGE);
    }
  }
}
