package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.customfield.CustomFieldFilter;
import org.loopcrm.crm.api.customfield.CustomFieldFilter.Op;

/** Query parameters become custom field filters; JSON shows dates as text. */
class CustomFieldDtosTest {

  @Test
  void cfParametersBecomeFiltersAndOthersAreIgnored() {
    Map<String, List<String>> q = new LinkedHashMap<>();
    q.put("name", List.of("acme"));
    q.put("cf.region", List.of("north"));
    q.put("cf.employees.gte", List.of("10"));
    q.put("cf.founded.lte", List.of("2000-01-01", "1999-01-01"));
    assertThat(CustomFieldDtos.filters(q))
        .containsExactly(
            new CustomFieldFilter("region", Op.EQ, "north"),
            new CustomFieldFilter("employees", Op.GTE, "10"),
            new CustomFieldFilter("founded", Op.LTE, "2000-01-01"),
            new CustomFieldFilter("founded", Op.LTE, "1999-01-01"));
  }

  @Test
  void aMalformedCfParameterIsNamed() {
    for (String name : new String[] {"cf.x.gt", "cf.", "cf.a.b.c"}) {
      assertThatThrownBy(() -> CustomFieldDtos.filters(Map.of(name, List.of("1"))))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(name));
    }
  }

  @Test
  void datesAreShownAsIsoText() {
    assertThat(CustomFieldDtos.values(Map.of("d", LocalDate.of(2026, 1, 31), "b", true)))
        .containsEntry("d", "2026-01-31")
        .containsEntry("b", true);
  }
}
