package io.baton.api.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rules for pipelines, stages and topics, and a suggestion that would pass them. */
final class Names {
  static final int MAX_NAME = 40;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private Names() {}

  /** Pipeline and stage names end up in topic, job, transactional-id and Kubernetes names. */
  static boolean validName(String name) {
    return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches() && !name.endsWith("-");
  }

  static boolean validTopic(String topic) {
    return topic != null && TOPIC.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
  }

  static String nameRule() {
    return "must be lowercase letters, digits and '-', start with a letter and have at most " + MAX_NAME
        + " characters";
  }

  /** {@code "Per Minute"} → {@code "per-minute"}. */
  static String suggest(String name) {
    String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
    if (slug.isEmpty()) {
      slug = "stage";
    }
    return slug.length() > MAX_NAME ? slug.substring(0, MAX_NAME).replaceAll("-+$", "") : slug;
  }
}
