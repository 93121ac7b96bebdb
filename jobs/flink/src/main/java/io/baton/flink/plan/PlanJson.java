package io.baton.flink.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A plan as JSON, for tools ({@code baton plan <pipeline> --json}); reads back with {@link #parse}. */
public final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  public static String render(Plan plan) {
    try {
      return JSON.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render plan of " + plan.pipeline() + " as JSON", e);
    }
  }

  public static Plan parse(String json) {
    try {
      return JSON.readValue(json, Plan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Baton plan: " + e.getOriginalMessage(), e);
    }
  }
}
