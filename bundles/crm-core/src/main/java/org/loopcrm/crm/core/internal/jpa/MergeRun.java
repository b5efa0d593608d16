package org.loopcrm.crm.core.internal.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.merge.PartyKind;

/** One merge (or undo) in progress: the parties, the journal and what the steps have to say. */
final class MergeRun {
  private final PartyKind kind;
  private final String survivor;
  private final List<String> losers;
  private final MergeJournal journal;
  private final List<String> notes = new ArrayList<>();

  MergeRun(PartyKind kind, String survivor, List<String> losers, MergeJournal journal) {
    this.kind = kind;
    this.survivor = survivor;
    this.losers = List.copyOf(losers);
    this.journal = journal;
  }

  PartyKind kind() {
    return kind;
  }

  String survivor() {
    return survivor;
  }

  List<String> losers() {
    return losers;
  }

  MergeJournal journal() {
    return journal;
  }

  /** The party an id stands for after the merge: the survivor for a loser, else itself. */
  String mapped(String partyId) {
    return losers.contains(partyId) ? survivor : partyId;
  }

  /** Says what the merge did beyond moving a row; the sentences end up on the merge record. */
  void note(String sentence) {
    notes.add(sentence);
  }

  List<String> notes() {
    return notes;
  }

  /** Placeholders for the losers in an SQL {@code in (...)}. */
  String loserMarks() {
    return String.join(", ", java.util.Collections.nCopies(losers.size(), "?"));
  }

  static Map<String, Object> key(String column, Object value) {
    return Map.of(column, value);
  }
}
