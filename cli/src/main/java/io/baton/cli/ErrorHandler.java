package io.baton.cli;

import io.baton.schemas.registry.RegistryException;
import io.baton.stack.StackException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr ({@code baton: <what went wrong>}) and exit code 1.
 * Set {@code BATON_DEBUG=1} to also see the stack trace of unexpected errors.
 *
 * <pre>{@code
 * commandLine.setExecutionExceptionHandler(new ErrorHandler());
 * }</pre>
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    Optional<String> refused = cl.getCommandSpec().mixins().values().stream()
        .map(m -> m.userObject()).filter(o -> o instanceof ContextOptions).map(o -> (ContextOptions) o)
        .flatMap(o -> o.selected().stream()).findFirst().flatMap(context -> KafkaFailures.describe(e, context));
    if (refused.isPresent()) {
      cl.getErr().println("baton: " + refused.get());
    } else if (e instanceof StackException || e instanceof CliException || e instanceof RegistryException
        || e instanceof io.baton.api.PipelineDefinitionException) {
      cl.getErr().println("baton: " + e.getMessage());
    } else {
      cl.getErr().println("baton: unexpected error: " + e);
      if (System.getenv("BATON_DEBUG") != null) {
        e.printStackTrace(cl.getErr());
      }
    }
    cl.getErr().flush();
    return ExitCodes.FAILED;
  }
}
