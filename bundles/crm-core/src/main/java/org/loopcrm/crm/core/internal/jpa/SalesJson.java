package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loopcrm.crm.api.sales.Competitor;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.GateCheck;
import org.loopcrm.crm.api.sales.Stage;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.json.Json;

/** The JSON columns of sales: a pipeline's stages and an opportunity's competitors. */
final class SalesJson {
  private SalesJson() {}

  static String writeStages(List<Stage> stages) {
    List<Object> out = new ArrayList<>();
    for (Stage s : stages) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", s.code());
      m.put("name", s.name());
      m.put("kind", s.kind().name());
      m.put("probability", s.probability());
      m.put("forecastCategory", s.forecastCategory().name());
      m.put("requiredFields", s.requiredFields());
      m.put("gates", s.gates().stream().map(Enum::name).sorted().toList());
      out.add(m);
    }
    return Json.write(out);
  }

  @SuppressWarnings("unchecked")
  static List<Stage> readStages(String json) {
    List<Stage> stages = new ArrayList<>();
    for (Object o : (List<Object>) Json.read(json)) {
      Map<String, Object> m = (Map<String, Object>) o;
      Set<GateCheck> gates = EnumSet.noneOf(GateCheck.class);
      for (Object g : (List<Object>) m.getOrDefault("gates", List.of())) {
        gates.add(GateCheck.valueOf((String) g));
      }
      List<String> required = new ArrayList<>();
      for (Object f : (List<Object>) m.getOrDefault("requiredFields", List.of())) {
        required.add((String) f);
      }
      stages.add(
          new Stage(
              (String) m.get("code"),
              (String) m.get("name"),
              StageKind.valueOf((String) m.get("kind")),
              ((BigDecimal) m.get("probability")).intValueExact(),
              ForecastCategory.valueOf((String) m.get("forecastCategory")),
              required,
              gates));
    }
    return stages;
  }

  static String writeCompetitors(List<Competitor> competitors) {
    List<Object> out = new ArrayList<>();
    for (Competitor c : competitors) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("note", c.note());
      out.add(m);
    }
    return Json.write(out);
  }

  @SuppressWarnings("unchecked")
  static List<Competitor> readCompetitors(String json) {
    List<Competitor> out = new ArrayList<>();
    for (Object o : (List<Object>) Json.read(json)) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(new Competitor((String) m.get("name"), (String) m.get("note")));
    }
    return out;
  }
}
