package io.baton.k8s.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates Kubernetes documents as the API server would before storing them: core kinds through fabric8's typed
 * models ({@link CoreKinds}), custom resources against their CRD schemas ({@link CrdSchemas}); any other kind is a
 * problem (nothing here may go unchecked). All problems are collected, each naming its document.
 *
 * <pre>{@code
 * Manifests manifests = new Manifests(CrdSchemas.load(crdFolder));
 * assertThat(manifests.problems(YamlDocuments.read(file, "base/kafka.yaml"), false)).isEmpty();
 * }</pre>
 */
public final class Manifests {
  /** A DNS-1123 subdomain, what most kinds' names must be. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final CrdSchemas crds;

  public Manifests(CrdSchemas crds) {
    this.crds = crds;
  }

  /** Problems of whole resources ({@code patches} false) or of kustomize patches ({@code patches} true). */
  public List<String> problems(List<Document> docs, boolean patches) {
    List<String> problems = new ArrayList<>();
    for (Document doc : docs) {
      for (String p : problems(doc, patches)) {
        problems.add(doc.label() + ": " + p);
      }
    }
    return problems;
  }

  public List<String> problems(Document doc, boolean patch) {
    List<String> problems = new ArrayList<>();
    String name = doc.name();
    if (name.isEmpty() || name.length() > 253 || !NAME.matcher(name).matches()) {
      problems.add("metadata.name '" + name + "' is not a DNS-1123 subdomain");
    }
    if (CoreKinds.knows(doc)) {
      problems.addAll(CoreKinds.problems(doc));
    } else if (crds.knows(doc)) {
      problems.addAll(crds.problems(doc, patch));
    } else {
      problems.add("no schema for " + doc.apiVersion() + " " + doc.kind() + " (known: core kinds and " + crds.kinds() + ")");
    }
    return problems;
  }
}
