package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every resource method, and nothing that does not exist. */
class OpenApiDocumentTest {
  private static final List<Class<?>> RESOURCES =
      List.of(
          AccountResource.class,
          AuditResource.class,
          WebhookResource.class,
          TeamResource.class,
          UserResource.class,
          ConsentResource.class,
          PrivacyResource.class,
          HierarchyResource.class,
          RelationshipResource.class,
          PingResource.class,
          OpenApiResource.class,
          AccountMechanismResource.class,
          ContactMechanismResource.class,
          AccountRoleResource.class,
          ContactRoleResource.class,
          AccountExternalRefResource.class,
          ContactExternalRefResource.class,
          AccountTagResource.class,
          PartyResource.class,
          ActivityResource.class,
          TimelineResource.class,
          NotificationResource.class,
          LifecycleResource.class,
          AccountLifecycleResource.class,
          AccountErpResource.class,
          ErpResource.class,
          IntegrationResource.class,
          CustomFieldResource.class,
          SearchResource.class,
          DuplicateResource.class,
          MergeResource.class,
          AccountExportResource.class,
          ContactExportResource.class,
          ImportResource.class,
          AssignmentRuleResource.class,
          AssignmentResource.class,
          LeadResource.class,
          LeadFormResource.class,
          LeadScoringRuleResource.class,
          PublicLeadResource.class,
          PipelineResource.class,
          OpportunityResource.class,
          QuoteResource.class,
          OpportunityQuoteResource.class,
          ForecastResource.class,
          QuotaResource.class,
          ProductModelResource.class,
          ConfigurationResource.class,
          EngineeringResource.class,
          CaseResource.class);

  @Test
  void everyOperationIsDocumentedAndEveryDocumentedOperationExists() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(new OpenApiResource().get());
    List<String> inCode = new ArrayList<>();
    for (Class<?> resource : RESOURCES) {
      String base = path(resource.getAnnotation(Path.class).value());
      for (Method m : resource.getDeclaredMethods()) {
        String verb = verb(m);
        if (verb != null) {
          Path sub = m.getAnnotation(Path.class);
          inCode.add(verb + " " + base + (sub == null ? "" : path(sub.value())));
        }
      }
    }
    List<String> documented = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        v -> documented.add(v.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(inCode);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
  }

  @Test
  void everyReferenceResolves() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(new OpenApiResource().get());
    List<String> refs = new ArrayList<>();
    collect(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  private static void collect(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collect(child, refs));
  }

  private static String path(String p) {
    return p.startsWith("/") ? p : "/" + p;
  }

  private static String verb(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    return null;
  }
}
