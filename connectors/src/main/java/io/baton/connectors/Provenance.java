package io.baton.connectors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stage output came from: pipeline, stage, stage version and the exact input records. Written as
 * the headers {@link BatonHeaders#PIPELINE}, {@link BatonHeaders#STAGE}, {@link BatonHeaders#STAGE_VERSION}
 * and {@link BatonHeaders#INPUTS}; read back by {@link #fromHeaders} (for {@code baton trace}).
 *
 * <pre>{@code
 * Provenance p = Provenance.of("sensor-story", "per-minute", "3", inputs.build());
 * OutRecord out = OutRecord.builder().value(bytes).headers(p.toHeaders()).build();
 * Provenance back = Provenance.fromHeaders(record.headers()).orElseThrow();
 * }</pre>
 */
public final class Provenance implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default budget for the inputs header; beyond it inputs are written as per-partition spans. */
  public static final int MAX_INPUTS_CHARS = 64 * 1024;

  private final String pipeline;
  private final String stage;
  private final String stageVersion;
  private final InputOffsets inputs;

  private Provenance(String pipeline, String stage, String stageVersion, InputOffsets inputs) {
    this.pipeline = pipeline;
    this.stage = stage;
    this.stageVersion = stageVersion;
    this.inputs = inputs;
  }

  /** Provenance of one output; names must not be blank. */
  public static Provenance of(String pipeline, String stage, String stageVersion, InputOffsets inputs) {
    List<String> problems = new ArrayList<>();
    requireText("pipeline", pipeline, problems);
    requireText("stage", stage, problems);
    requireText("stageVersion", stageVersion, problems);
    if (inputs == null) {
      problems.add("inputs must not be null");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid Provenance: " + String.join("; ", problems));
    }
    return new Provenance(pipeline, stage, stageVersion, inputs);
  }

  /**
   * Reads provenance from a record's headers (the last occurrence of each name), or empty when the
   * record carries none.
   *
   * @throws IllegalArgumentException when the inputs header is present but unreadable
   */
  public static Optional<Provenance> fromHeaders(List<Header> headers) {
    Optional<String> pipeline = BatonHeaders.last(headers, BatonHeaders.PIPELINE);
    Optional<String> stage = BatonHeaders.last(headers, BatonHeaders.STAGE);
    Optional<String> version = BatonHeaders.last(headers, BatonHeaders.STAGE_VERSION);
    Optional<String> inputs = BatonHeaders.last(headers, BatonHeaders.INPUTS);
    if (pipeline.isEmpty() || stage.isEmpty() || version.isEmpty() || inputs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(of(pipeline.get(), stage.get(), version.get(), InputOffsets.decode(inputs.get())));
  }

  /** The four headers, with inputs limited to {@link #MAX_INPUTS_CHARS}. */
  public List<Header> toHeaders() {
    return toHeaders(MAX_INPUTS_CHARS);
  }

  /** The four headers, with inputs limited to {@code maxInputsChars} (see {@link InputOffsets#encode(int)}). */
  public List<Header> toHeaders(int maxInputsChars) {
    return List.of(
        Header.ofString(BatonHeaders.PIPELINE, pipeline),
        Header.ofString(BatonHeaders.STAGE, stage),
        Header.ofString(BatonHeaders.STAGE_VERSION, stageVersion),
        Header.ofString(BatonHeaders.INPUTS, inputs.encode(maxInputsChars)));
  }

  /** The pipeline name. */
  public String pipeline() {
    return pipeline;
  }

  /** The stage name. */
  public String stage() {
    return stage;
  }

  /** The stage version. */
  public String stageVersion() {
    return stageVersion;
  }

  /** The input records. */
  public InputOffsets inputs() {
    return inputs;
  }

  private static void requireText(String name, String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(name + " must not be blank, got '" + value + "'");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Provenance other && pipeline.equals(other.pipeline) && stage.equals(other.stage)
        && stageVersion.equals(other.stageVersion) && inputs.equals(other.inputs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pipeline, stage, stageVersion, inputs);
  }

  @Override
  public String toString() {
    return pipeline + "/" + stage + "@" + stageVersion + " <- " + inputs;
  }
}
