package org.loopcrm.crm.transfer.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;

class QueriesTest {

  @Test
  void pagingChangesLimitAndCursorAndKeepsEveryOtherComponent() throws Exception {
    AccountQuery q = new AccountQuery("Ac", "ada", true, AccountSort.NAME_DESC, 5, "c1");

    AccountQuery paged = Queries.page(q, 200, "c2");

    assertThat(paged.limit()).isEqualTo(200);
    assertThat(paged.cursor()).isEqualTo("c2");
    // Walks the components, so filters added to the query later are covered too.
    for (RecordComponent c : AccountQuery.class.getRecordComponents()) {
      if (!c.getName().equals("limit") && !c.getName().equals("cursor")) {
        assertThat(c.getAccessor().invoke(paged))
            .as(c.getName())
            .isEqualTo(c.getAccessor().invoke(q));
      }
    }
  }

  @Test
  void theDescriptionNamesTheFiltersThatAreSet() {
    assertThat(Queries.describe(AccountQuery.firstPage(10))).isEqualTo("sort=NAME_ASC");
    assertThat(Queries.describe(new AccountQuery("Ac", null, true, AccountSort.NAME_ASC, 5, "c1")))
        .isEqualTo("namePrefix=Ac, includeArchived=true, sort=NAME_ASC");
  }
}
