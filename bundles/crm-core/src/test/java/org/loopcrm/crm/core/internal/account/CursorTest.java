package org.loopcrm.crm.core.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.AccountSort;

class CursorTest {
  @Test
  void roundTripsKeysWithAnyCharacters() {
    Cursor c = new Cursor(AccountSort.NAME_DESC, "müller & söhne | gmbh", "b3c1");
    String text = c.encode();
    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(text, AccountSort.NAME_DESC)).isEqualTo(c);
  }

  @Test
  void refusesACursorOfAnotherSort() {
    String text = new Cursor(AccountSort.NAME_ASC, "a", "1").encode();
    assertThatThrownBy(() -> Cursor.decode(text, AccountSort.CREATED_ASC))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("made for sort name");
  }

  @Test
  void refusesGarbage() {
    assertThatThrownBy(() -> Cursor.decode("not base64!", AccountSort.NAME_ASC))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Cursor.decode("aGVsbG8", AccountSort.NAME_ASC))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor is not a cursor");
  }
}
