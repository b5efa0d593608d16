package org.loopcrm.crm.bench.dedupe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.loopcrm.crm.core.internal.dedupe.MatchRecord;
import org.loopcrm.crm.core.internal.dedupe.RecordKind;

/**
 * Synthetic contacts with a known set of injected duplicates.
 *
 * <p>Originals get a first name from a list of common ones, a generated last name (tens of
 * thousands of distinct ones), a city drawn with a skew (a few big cities, a long tail), a unique
 * e-mail (10% have none) and a unique German phone number (20% have none). Each duplicate copies a
 * random original and changes it the way data entry does: a typo in one word of the name (45%), the
 * words swapped to "Last, First" (20%) or case and spacing (20%); the e-mail kept in another
 * spelling (50%), replaced by another address (25%) or left out; the phone kept in another format
 * (+49 .., 0049 (..) .., or national 030 ..) or left out (50%); the city kept, sometimes in upper
 * case. A duplicate may thus be findable by its name and city only.
 *
 * @param records originals and duplicates, shuffled
 * @param entity for each record id, the id of the real-world person it stands for
 * @param truePairs how many pairs of records stand for one person
 */
public record SyntheticContacts(List<MatchRecord> records, int[] entity, long truePairs) {

  private static final String[] FIRST = {
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Emma",
    "Felix",
    "Greta",
    "Hannah",
    "Ida",
    "Jonas",
    "Karl",
    "Lena",
    "Lukas",
    "Maria",
    "Max",
    "Mia",
    "Noah",
    "Olga",
    "Paul",
    "Paula",
    "Peter",
    "Rosa",
    "Sara",
    "Simon",
    "Sophie",
    "Thomas",
    "Ute",
    "Victor",
    "Wanda",
    "Yusuf",
    "Zoe",
    "Ahmed",
    "Beatriz",
    "Chen",
    "Dmitri",
    "Elif",
    "Fatima",
    "Giulia",
    "Hiroshi",
    "Ingrid",
    "Jakub",
    "Katarzyna",
    "Liam",
    "Mateo",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rahel",
    "Stefan",
    "Tobias",
    "Ursula",
    "Valentin",
    "Wolfgang",
    "Xenia",
    "Yara",
    "Zeynep",
    "Alexander",
    "Charlotte",
    "Elisabeth",
    "Friedrich",
    "Johanna",
    "Katharina",
    "Leonhard",
    "Magdalena",
    "Nikolaus",
    "Sebastian",
    "Theresa",
    "Ulrich",
    "Veronika",
    "Antonia",
    "Bernhard",
    "Christine",
    "Dominik",
    "Eva",
    "Florian",
    "Gabriele",
    "Heinrich",
    "Isabel",
    "Julia",
    "Konrad",
    "Lisa",
    "Martin",
    "Nina",
    "Otto",
    "Petra",
    "Ralf",
    "Sabine",
    "Tanja",
    "Uwe",
    "Vera",
    "Werner",
    "Anton",
    "Birgit",
    "Carsten",
    "Doris",
    "Erik",
    "Frieda",
    "Georg",
    "Helga"
  };
  private static final String[] SYLLABLES = {
    "ba", "be", "bo", "ka", "ke", "ko", "la", "le", "lo", "ma", "me", "mi", "na", "ne", "no", "ra",
    "re", "ri", "sa", "se", "so", "ta", "te", "to", "wa", "we", "zi", "dor", "berg", "mann", "feld",
    "stein", "hof", "wald", "ner", "ler", "sch", "brun", "ham", "ton"
  };
  private static final String[] DOMAINS = {"example.com", "mail.test", "post.example", "corp.test"};

  /**
   * Generates contacts.
   *
   * @param total how many records, duplicates included
   * @param duplicateShare the share of records that are duplicates, e.g. 0.05
   * @param seed the random seed: the same seed gives the same data
   */
  public static SyntheticContacts generate(int total, double duplicateShare, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int dups = (int) Math.round(total * duplicateShare);
    int originals = total - dups;
    String[] cities = new String[Math.max(10, Math.min(5000, total / 200))];
    for (int i = 0; i < cities.length; i++) {
      cities[i] = capital(word(rnd, 2, 3)) + (i % 3 == 0 ? "burg" : i % 3 == 1 ? "dorf" : "stadt");
    }
    List<MatchRecord> records = new ArrayList<>(total);
    int[] entity = new int[total];
    String[] first = new String[originals];
    String[] last = new String[originals];
    String[] city = new String[originals];
    String[] email = new String[originals];
    String[] phone = new String[originals];
    for (int i = 0; i < originals; i++) {
      first[i] = FIRST[rnd.nextInt(FIRST.length)];
      last[i] = capital(word(rnd, 2, 4));
      city[i] = cities[(int) (cities.length * Math.pow(rnd.nextDouble(), 2.5))];
      email[i] =
          rnd.nextDouble() < 0.1
              ? null
              : (first[i]
                      + "."
                      + last[i]
                      + "."
                      + Integer.toString(i, 36)
                      + "@"
                      + DOMAINS[i % DOMAINS.length])
                  .toLowerCase(Locale.ROOT);
      phone[i] = rnd.nextDouble() < 0.2 ? null : "+4930" + (10_000_000 + i);
      records.add(contact(records.size(), first[i] + " " + last[i], city[i], email[i], phone[i]));
      entity[i] = i;
    }
    int[] groupSize = new int[originals];
    for (int d = 0; d < dups; d++) {
      int o = rnd.nextInt(originals);
      groupSize[o]++;
      entity[originals + d] = o;
      records.add(
          contact(
              records.size(),
              nameVariant(rnd, first[o], last[o]),
              rnd.nextDouble() < 0.3 ? city[o].toUpperCase(Locale.ROOT) : city[o],
              emailVariant(rnd, email[o], first[o], last[o]),
              phoneVariant(rnd, phone[o])));
    }
    long truePairs = 0;
    for (int g : groupSize) {
      long size = g + 1L;
      truePairs += size * (size - 1) / 2;
    }
    // Shuffle, so duplicates are not at the end; entity stays indexed by record id.
    for (int i = total - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      MatchRecord r = records.get(i);
      records.set(i, records.get(j));
      records.set(j, r);
    }
    return new SyntheticContacts(records, entity, truePairs);
  }

  private static MatchRecord contact(int id, String name, String city, String email, String phone) {
    return new MatchRecord(
        Integer.toString(id),
        RecordKind.CONTACT,
        name,
        city,
        email == null ? List.of() : List.of(email),
        phone == null ? List.of() : List.of(phone),
        null,
        null);
  }

  private static String nameVariant(SplittableRandom rnd, String first, String last) {
    double r = rnd.nextDouble();
    if (r < 0.45) {
      return rnd.nextBoolean() ? typo(rnd, first) + " " + last : first + " " + typo(rnd, last);
    } else if (r < 0.65) {
      return last + ", " + first;
    } else if (r < 0.85) {
      return " " + first.toUpperCase(Locale.ROOT) + "  " + last.toLowerCase(Locale.ROOT) + " ";
    }
    return first + " " + last;
  }

  /** One keyboard slip: a letter replaced, dropped, doubled or two swapped. */
  static String typo(SplittableRandom rnd, String word) {
    if (word.length() < 3) {
      return word + "e";
    }
    int p = 1 + rnd.nextInt(word.length() - 2);
    char[] c = word.toCharArray();
    switch (rnd.nextInt(4)) {
      case 0:
        c[p] = (char) ('a' + rnd.nextInt(26));
        return new String(c);
      case 1:
        return word.substring(0, p) + word.substring(p + 1);
      case 2:
        return word.substring(0, p) + c[p] + word.substring(p);
      default:
        char t = c[p];
        c[p] = c[p + 1];
        c[p + 1] = t;
        return new String(c);
    }
  }

  private static String emailVariant(
      SplittableRandom rnd, String email, String first, String last) {
    double r = rnd.nextDouble();
    if (email != null && r < 0.5) {
      return rnd.nextBoolean() ? email.toUpperCase(Locale.ROOT) : "  " + capital(email) + " ";
    } else if (r < 0.75) {
      return (first + "_" + last + rnd.nextInt(1_000_000) + "@private.test")
          .toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static String phoneVariant(SplittableRandom rnd, String phone) {
    if (phone == null || rnd.nextBoolean()) {
      return null;
    }
    String local = phone.substring(5);
    switch (rnd.nextInt(3)) {
      case 0:
        return "+49 30 " + local;
      case 1:
        return "0049 (30) " + local.substring(0, 4) + "-" + local.substring(4);
      default:
        return "030 " + local;
    }
  }

  private static String word(SplittableRandom rnd, int min, int max) {
    int n = min + rnd.nextInt(max - min + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
    }
    return b.toString();
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
