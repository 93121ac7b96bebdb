package io.baton.connectors;

/** Parses one {@code topic:partition:offsets} entry of the {@link InputOffsets} text form. */
final class InputOffsetsParser {
  private InputOffsetsParser() {}

  static void parseEntry(String entry, int number, InputOffsets.Builder into) {
    int last = entry.lastIndexOf(':');
    int middle = last <= 0 ? -1 : entry.lastIndexOf(':', last - 1);
    if (middle <= 0) {
      throw invalid(entry, number, "expected topic:partition:offsets");
    }
    String topic = entry.substring(0, middle);
    int partition = (int) number(entry.substring(middle + 1, last), entry, number, "partition");
    String offsets = entry.substring(last + 1);
    if (offsets.startsWith("~")) {
      long[] span = range(offsets.substring(1), entry, number);
      into.addSpan(topic, partition, span[0], span[1]);
      return;
    }
    if (offsets.isEmpty()) {
      throw invalid(entry, number, "no offsets");
    }
    for (String part : offsets.split(",", -1)) {
      long[] r = range(part, entry, number);
      into.addRange(topic, partition, r[0], r[1]);
    }
  }

  private static long[] range(String part, String entry, int number) {
    int dash = part.indexOf('-');
    if (dash < 0) {
      long o = number(part, entry, number, "offset");
      return new long[] {o, o};
    }
    long from = number(part.substring(0, dash), entry, number, "range start");
    long to = number(part.substring(dash + 1), entry, number, "range end");
    if (to < from) {
      throw invalid(entry, number, "range " + part + " ends before it starts");
    }
    return new long[] {from, to};
  }

  private static long number(String text, String entry, int number, String what) {
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        throw invalid(entry, number, what + " '" + text + "' is negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid(entry, number, what + " '" + text + "' is not a number");
    }
  }

  private static IllegalArgumentException invalid(String entry, int number, String problem) {
    return new IllegalArgumentException("invalid input offsets entry " + number + " ('" + entry + "'): " + problem);
  }
}
