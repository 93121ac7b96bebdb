package io.baton.flink.deploy;

import java.io.IOException;

/** The session cluster has fewer free task slots than a run needs; nothing was started (see {@link SlotCheck}). */
public final class NotEnoughSlotsException extends IOException {
  private static final long serialVersionUID = 1L;

  public NotEnoughSlotsException(String message) {
    super(message);
  }
}
