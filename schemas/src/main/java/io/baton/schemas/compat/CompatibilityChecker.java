package io.baton.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Deploy-time acceptance: can data written with one Avro schema be read with another?
 *
 * <p>{@link #check} applies Avro schema resolution (writer → reader) and explains every problem with a
 * field path and a hint. A reader that declares only some of the writer's fields (a projection)
 * passes. {@link #checkEvolution} applies a registry compatibility level to a new version.
 *
 * <pre>{@code
 * ResolutionReport report = CompatibilityChecker.check(Reading.getClassSchema(), stageReaderSchema);
 * for (CompatibilityProblem p : report.problems()) {
 *   System.err.println(p);   // Reading.unit: reader field 'unit' ... -- add a default to field 'unit' ...
 * }
 * }</pre>
 */
public final class CompatibilityChecker {
  private CompatibilityChecker() {}

  /** Checks that data written with {@code writer} can be read with {@code reader}. */
  public static ResolutionReport check(Schema writer, Schema reader) {
    Objects.requireNonNull(writer, "writer schema must not be null");
    Objects.requireNonNull(reader, "reader schema must not be null");
    String subject = "writer " + SchemaPaths.describe(writer) + " read as " + SchemaPaths.describe(reader);
    return ResolutionReport.of(subject, problems(writer, reader));
  }

  /**
   * Checks a new version of a subject against its earlier versions (oldest first) under {@code level}:
   * backward levels need the new schema to read earlier data, forward levels need earlier schemas to
   * read new data; non-transitive levels look at the latest earlier version only.
   */
  public static ResolutionReport checkEvolution(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
    Objects.requireNonNull(level, "level must not be null");
    Objects.requireNonNull(candidate, "candidate schema must not be null");
    Objects.requireNonNull(earlier, "earlier versions must not be null");
    List<CompatibilityProblem> found = new ArrayList<>();
    int from = level.transitive() ? 0 : Math.max(0, earlier.size() - 1);
    for (int i = from; i < earlier.size(); i++) {
      String version = "version " + (i + 1) + " of " + earlier.size();
      if (level.backward()) {
        problems(earlier.get(i), candidate).forEach(p -> found.add(p.within("new schema reading data of " + version)));
      }
      if (level.forward()) {
        problems(candidate, earlier.get(i)).forEach(p -> found.add(p.within(version + " reading data of the new schema")));
      }
    }
    return ResolutionReport.of(SchemaPaths.describe(candidate) + " under " + level, found);
  }

  private static List<CompatibilityProblem> problems(Schema writer, Schema reader) {
    List<CompatibilityProblem> found = new ArrayList<>();
    for (Incompatibility i : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()) {
      found.add(explain(reader, writer, i));
    }
    return found;
  }

  private static CompatibilityProblem explain(Schema reader, Schema writer, Incompatibility i) {
    SchemaPaths.Target at = SchemaPaths.walk(reader, writer, i.getLocation());
    Schema r = i.getReaderFragment();
    Schema w = i.getWriterFragment();
    String problem;
    String hint;
    switch (i.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE -> {
        String field = i.getMessage();
        Schema.Field f = r.getType() == Schema.Type.RECORD ? r.getField(field) : null;
        String type = f == null ? "?" : SchemaPaths.describe(f.schema());
        problem = "reader field '" + field + "' (" + type + ") has no default and the writer " + SchemaPaths.describe(w)
            + " does not write it";
        hint = "add a default to field '" + field + "' in the reader schema" + exampleDefault(f)
            + ", or remove the field from the reader (a reader may declare only the fields it needs)";
      }
      case TYPE_MISMATCH -> {
        problem = "reader expects " + SchemaPaths.describe(r) + " but the writer writes " + SchemaPaths.describe(w);
        String promotions = promotions(w);
        hint = "change the reader's type to " + SchemaPaths.describe(w)
            + (promotions.isEmpty() ? "" : " or a type it promotes to (" + promotions + ")")
            + ", or make the reader a union that includes it";
      }
      case MISSING_UNION_BRANCH -> {
        String branch = SchemaPaths.describe(at.writer() != null && at.writer().getType() != Schema.Type.UNION ? at.writer() : w);
        problem = "the writer may write " + branch + " but the reader's union " + SchemaPaths.describe(r) + " has no branch for it";
        hint = "add " + branch + " to the reader's union";
      }
      case MISSING_ENUM_SYMBOLS -> {
        problem = "the writer's enum " + SchemaPaths.describe(w) + " has symbols " + i.getMessage() + " the reader does not know";
        hint = "add " + i.getMessage() + " to the reader's enum " + SchemaPaths.describe(r) + ", or give the reader's enum a \"default\" symbol";
      }
      case FIXED_SIZE_MISMATCH -> {
        problem = "fixed " + SchemaPaths.describe(r) + " is " + w.getFixedSize() + " bytes in the writer but " + r.getFixedSize()
            + " in the reader";
        hint = "use the same size on both sides, or read it as bytes";
      }
      case NAME_MISMATCH -> {
        problem = "reader type " + r.getFullName() + " does not match the writer's type " + w.getFullName();
        hint = "rename the reader's type to " + w.getFullName() + ", or add \"aliases\": [\"" + w.getFullName() + "\"] to it";
      }
      default -> {
        problem = i.getMessage();
        hint = "see Avro schema resolution rules";
      }
    }
    return CompatibilityProblem.of(i.getType(), at.path(), i.getLocation(), problem, hint);
  }

  private static String exampleDefault(Schema.Field f) {
    if (f == null) {
      return "";
    }
    Schema s = f.schema();
    if (s.getType() == Schema.Type.UNION && !s.getTypes().isEmpty()) {
      return s.getTypes().get(0).getType() == Schema.Type.NULL ? " (e.g. \"default\": null)" : "";
    }
    return switch (s.getType()) {
      case INT, LONG -> " (e.g. \"default\": 0)";
      case FLOAT, DOUBLE -> " (e.g. \"default\": 0.0)";
      case STRING -> " (e.g. \"default\": \"\")";
      case BOOLEAN -> " (e.g. \"default\": false)";
      case ARRAY -> " (e.g. \"default\": [])";
      case MAP -> " (e.g. \"default\": {})";
      default -> "";
    };
  }

  private static String promotions(Schema writer) {
    return switch (writer.getType()) {
      case INT -> "long, float, double";
      case LONG -> "float, double";
      case FLOAT -> "double";
      case STRING -> "bytes";
      case BYTES -> "string";
      default -> "";
    };
  }
}
