package io.baton.schemas.compat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Turns Avro's JSON pointers ({@code /fields/1/type/items}) into field paths ({@code Order.lines[]}). */
final class SchemaPaths {
  private SchemaPaths() {}

  /** The node a pointer ends at, in both schemas, plus its readable path. */
  record Target(String path, Schema reader, Schema writer) {}

  /** Walks {@code pointer} through the reader (and, where it can, the writer) schema. */
  static Target walk(Schema reader, Schema writer, String pointer) {
    StringBuilder path = new StringBuilder(rootName(reader));
    Schema r = reader;
    Schema w = writer;
    String[] tokens = pointer.startsWith("/") ? pointer.substring(1).split("/") : pointer.split("/");
    for (int i = 0; i < tokens.length && r != null; i++) {
      String t = tokens[i];
      if (t.equals("fields") && i + 1 < tokens.length && isIndex(tokens[i + 1]) && r.getType() == Schema.Type.RECORD) {
        Schema.Field field = r.getFields().get(Integer.parseInt(tokens[++i]));
        Schema.Field writerField = w != null && w.getType() == Schema.Type.RECORD
            ? SchemaCompatibility.lookupWriterField(w, field) : null;
        path.append('.').append(field.name());
        r = field.schema();
        w = writerField == null ? null : writerField.schema();
      } else if (t.equals("items") && r.getType() == Schema.Type.ARRAY) {
        path.append("[]");
        r = r.getElementType();
        w = w != null && w.getType() == Schema.Type.ARRAY ? w.getElementType() : null;
      } else if (t.equals("values") && r.getType() == Schema.Type.MAP) {
        path.append("{}");
        r = r.getValueType();
        w = w != null && w.getType() == Schema.Type.MAP ? w.getValueType() : null;
      } else if (isIndex(t)) {
        // a union branch: Avro indexes the writer's union when there is one
        int index = Integer.parseInt(t);
        if (w != null && w.getType() == Schema.Type.UNION && index < w.getTypes().size()) {
          w = w.getTypes().get(index);
          r = r.getType() == Schema.Type.UNION ? matchingBranch(r, w) : r;
        } else if (r.getType() == Schema.Type.UNION && index < r.getTypes().size()) {
          r = r.getTypes().get(index);
        }
      } else if (!t.equals("type")) {
        break; // name, symbols, size: a property of the node reached so far
      }
    }
    return new Target(path.toString(), r, w);
  }

  /** A short readable name for a schema: full name for named types, else the type in lower case. */
  static String describe(Schema schema) {
    if (schema == null) {
      return "?";
    }
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getFullName();
      case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
      case MAP -> "map<" + describe(schema.getValueType()) + ">";
      case UNION -> schema.getTypes().stream().map(SchemaPaths::describe).toList().toString();
      default -> schema.getType().getName();
    };
  }

  private static Schema matchingBranch(Schema union, Schema branch) {
    for (Schema candidate : union.getTypes()) {
      boolean named = candidate.getType() == Schema.Type.RECORD || candidate.getType() == Schema.Type.ENUM
          || candidate.getType() == Schema.Type.FIXED;
      if (candidate.getType() == branch.getType() && (!named || SchemaCompatibility.schemaNameEquals(candidate, branch))) {
        return candidate;
      }
    }
    return union;
  }

  private static String rootName(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getName();
      default -> schema.getType().getName();
    };
  }

  private static boolean isIndex(String token) {
    return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
  }
}
