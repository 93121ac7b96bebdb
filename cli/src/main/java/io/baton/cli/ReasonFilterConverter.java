package io.baton.cli;

import io.baton.connectors.ReasonFilter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Lets picocli turn {@code --reason} into a {@link ReasonFilter}; a reason Baton never writes is a usage
 * error (exit 2) naming the known ones.
 *
 * <pre>{@code
 * @Option(names = "--reason", converter = ReasonFilterConverter.class) ReasonFilter reason = ReasonFilter.any();
 * }</pre>
 */
final class ReasonFilterConverter implements ITypeConverter<ReasonFilter> {
  @Override
  public ReasonFilter convert(String value) {
    try {
      return ReasonFilter.of(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
