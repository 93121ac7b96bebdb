package io.baton.cli.faults;

/**
 * What the final and dead-letter topics hold against what was fed, counted reading by reading.
 *
 * @param in readings the broker acknowledged to the feeder
 * @param out reading ids named by committed output records (a duplicate counts each time)
 * @param dead committed dead letters of both stages
 * @param dup reading ids that appear more than once across output and dead letters (each extra time counts)
 * @param missing fed readings that appear nowhere
 * @param misplaced good readings dead-lettered, or out-of-range readings in the output
 */
public record Counts(long in, long out, long dead, long dup, long missing, long misplaced) {
  /** Every reading is where it belongs, exactly once. */
  public boolean complete() {
    return missing == 0 && dup == 0 && misplaced == 0 && out + dead == in;
  }

  @Override
  public String toString() {
    return "in " + in + ", out " + out + ", dead " + dead + ", dup " + dup + ", missing " + missing + ", misplaced "
        + misplaced;
  }
}
