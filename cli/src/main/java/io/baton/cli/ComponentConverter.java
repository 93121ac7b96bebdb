package io.baton.cli;

import io.baton.stack.Component;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a server name ({@code kafka}, {@code registry}, {@code jobmanager}, {@code taskmanager}) from the command line.
 *
 * <pre>{@code
 * @Parameters(converter = ComponentConverter.class) Component component;
 * }</pre>
 */
final class ComponentConverter implements ITypeConverter<Component> {
  @Override
  public Component convert(String value) {
    try {
      return Component.byId(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** The names picocli lists in help and completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Component.values()).map(Component::id).iterator();
    }
  }
}
