package io.baton.flink.internal.runtime;

import io.baton.schemas.wire.DecodeException;
import io.baton.schemas.registry.RegistryConfig;
import io.baton.schemas.registry.RegistryUnavailableException;
import io.baton.schemas.wire.WireDecoder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes envelopes of each input side into the stage's reader classes. Writer schemas and
 * readers are cached inside the decoders: no schema parsing or reader creation per record. An
 * accepted record travels as its original bytes (compact between operators, and what a late
 * dead letter must carry) plus, within the accept step's task, the record it decoded: a record is
 * decoded once on a chained path, and again only after a network exchange or a restore.
 */
public final class InputReaders implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int RETRIES = 3;
  private static final long BACKOFF_MILLIS = 500;

  private final List<WireDecoder<?>> decoders = new ArrayList<>();

  @SuppressWarnings({"unchecked", "rawtypes"})
  public InputReaders(List<Class<?>> inputClasses, RegistryConfig registry) {
    for (Class<?> c : inputClasses) {
      decoders.add(WireDecoder.forSpecific((Class<? extends SpecificRecord>) (Class) c, registry));
    }
  }

  public void open() {
    decoders.forEach(WireDecoder::open);
  }

  public void close() {
    decoders.forEach(WireDecoder::close);
  }

  /**
   * The record of input {@code side} in {@code value}. A registry that does not answer is asked
   * again with back-off (0.5, 1, 2 s); after that the exception fails the job, which restarts from
   * its checkpoint: a good record is never dead-lettered because the registry was away.
   */
  public Object decode(int side, byte[] value) throws DecodeException {
    for (int attempt = 0; ; attempt++) {
      try {
        return decoders.get(side).decode(value);
      } catch (RegistryUnavailableException e) {
        if (attempt == RETRIES) {
          throw e;
        }
        pause(BACKOFF_MILLIS << attempt);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the schema registry", e);
    }
  }

  /** The record an accepted envelope carries; it decoded once already, so failing now is a bug. */
  public Object decode(Envelope e) {
    if (e.decoded() != null) {
      return e.decoded();
    }
    try {
      return decode(e.side, e.record.value());
    } catch (DecodeException ex) {
      throw new IllegalStateException("accepted record " + e + " no longer decodes: " + ex.getMessage(), ex);
    }
  }
}
