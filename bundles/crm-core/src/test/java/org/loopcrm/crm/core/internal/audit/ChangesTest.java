package org.loopcrm.crm.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.audit.FieldChange;

class ChangesTest {

  private static Map<String, Object> image(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void onlyChangedFieldsAppearInImageOrder() {
    Map<String, Object> before =
        image("name", "Acme", "erpRef", null, "stage", LifecycleStage.PROSPECT);
    Map<String, Object> after =
        image("name", "Acme", "erpRef", "P-1", "stage", LifecycleStage.CUSTOMER);

    assertThat(Changes.between(before, after))
        .containsExactly(
            new FieldChange("erpRef", null, "P-1"),
            new FieldChange("stage", "PROSPECT", "CUSTOMER"));
  }

  @Test
  void createListsSetFieldsAndDeleteListsLastValues() {
    Map<String, Object> img = image("name", "Acme", "erpRef", null, "owner", "ada");

    assertThat(Changes.between(null, img))
        .containsExactly(
            new FieldChange("name", null, "Acme"), new FieldChange("owner", null, "ada"));
    assertThat(Changes.between(img, null))
        .containsExactly(
            new FieldChange("name", "Acme", null), new FieldChange("owner", "ada", null));
    assertThat(Changes.between(img, new LinkedHashMap<>(img))).isEmpty();
  }

  @Test
  void decimalsCompareByValueNotScale() {
    assertThat(
            Changes.between(
                image("open", new BigDecimal("10.50")), image("open", new BigDecimal("10.5000"))))
        .isEmpty();
    assertThat(Changes.text(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Changes.text(new BigDecimal("0.000"))).isEqualTo("0");
  }
}
