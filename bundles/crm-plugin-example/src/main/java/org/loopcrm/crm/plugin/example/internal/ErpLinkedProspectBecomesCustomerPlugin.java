package org.loopcrm.crm.plugin.example.internal;

import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An ASYNC plugin: a prospect created with an ERP reference is one the ERP already sells to, so
 * shortly after the create has committed it becomes a CUSTOMER. The change is a new update through
 * {@link AccountService}, made on behalf of the creating user with channel {@code PLUGIN}, so the
 * account's history shows who and how.
 *
 * <p>Registered for CREATE only: its own update must not trigger it again. It reads the account
 * again and changes it only if it is still an active, ERP-linked PROSPECT, so a redelivered job, or
 * a user who changed the account meanwhile, wins over it. A concurrent change makes the update fail
 * with a stale version; the job is then retried and reads the account again.
 */
@Component(
    property = {
      RecordPlugin.ENTITY + "=account",
      RecordPlugin.OPERATION + "=CREATE",
      RecordPlugin.STAGE + "=ASYNC",
      RecordPlugin.ATTRIBUTES + "=erpRef",
      RecordPlugin.KEY + "=" + ErpLinkedProspectBecomesCustomerPlugin.KEY
    })
public final class ErpLinkedProspectBecomesCustomerPlugin implements RecordPlugin {
  static final String KEY = "crm-plugin-example.erp-linked-prospect-becomes-customer";

  private final AccountService accounts;

  /** Wired by DS. */
  @Activate
  public ErpLinkedProspectBecomesCustomerPlugin(@Reference AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public void execute(PluginContext context) {
    if (!(context.postImage() instanceof Account created) || !isLinkedProspect(created)) {
      return;
    }
    Actor actor = new Actor(context.actor().user(), context.actor().roles(), Actor.Channel.PLUGIN);
    Account current;
    try {
      current = accounts.get(actor, created.id());
    } catch (NotFoundException gone) {
      return;
    }
    if (isLinkedProspect(current)) {
      accounts.update(
          actor,
          current.id(),
          current.version(),
          new AccountDraft(
              current.name(), current.erpRef(), current.owner(), LifecycleStage.CUSTOMER));
    }
  }

  private static boolean isLinkedProspect(Account a) {
    return a.stage() == LifecycleStage.PROSPECT
        && a.status() == AccountStatus.ACTIVE
        && a.erpRef() != null
        && !a.erpRef().isBlank();
  }
}
