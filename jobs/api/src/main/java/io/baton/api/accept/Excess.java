package io.baton.api.accept;

/** What a rate limit does with records over the limit. */
public enum Excess {
  /** Send them to dead letters as {@code throttled}. */
  DEAD_LETTER,
  /** Hold the stage back until the key is under its limit again. */
  BACK_PRESSURE
}
