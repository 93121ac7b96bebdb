package io.baton.cli;

import io.baton.stack.Component;
import io.baton.stack.ServerId;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a server name ({@code kafka}, {@code kafka-2} of a stack of several brokers, {@code registry},
 * {@code jobmanager}, {@code taskmanager}) from the command line.
 *
 * <pre>{@code
 * @Parameters(converter = ComponentConverter.class) ServerId server;
 * }</pre>
 */
final class ComponentConverter implements ITypeConverter<ServerId> {
  @Override
  public ServerId convert(String value) {
    try {
      return ServerId.byId(value);
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
