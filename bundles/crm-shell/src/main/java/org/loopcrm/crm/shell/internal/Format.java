package org.loopcrm.crm.shell.internal;

import org.loopcrm.crm.api.account.Account;

/** Text forms shared by the commands. */
final class Format {
  private Format() {}

  static String money(Account a) {
    if (a.receivables() == null) {
      return "(hidden)";
    }
    String amount = a.receivables().open().toPlainString();
    return a.receivables().currency() == null ? amount : amount + " " + a.receivables().currency();
  }
}
