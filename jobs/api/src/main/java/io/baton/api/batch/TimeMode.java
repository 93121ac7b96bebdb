package io.baton.api.batch;

/** Which clock a batch policy waits on. */
public enum TimeMode {
  /** The policy does not wait on a clock (each, count). */
  NONE,
  /** The records' own timestamps, advanced by watermarks. */
  EVENT,
  /** The wall clock of the machine running the stage. */
  PROCESSING
}
