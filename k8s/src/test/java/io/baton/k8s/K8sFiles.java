package io.baton.k8s;

import io.baton.k8s.validate.CrdSchemas;
import java.nio.file.Path;

/** Where the tests find the manifests (this module) and the CRDs (../shared/k8s-crds beside the checkout). */
final class K8sFiles {
  private K8sFiles() {}

  /** The k8s module folder, holding base/ and overlays/. */
  static Path module() {
    return Path.of(System.getProperty("baton.k8s.manifests", ".")).toAbsolutePath().normalize();
  }

  static Path crdFolder() {
    String configured = System.getProperty("baton.k8s.crds");
    return (configured != null ? Path.of(configured) : module().resolve("../../shared/k8s-crds")).toAbsolutePath().normalize();
  }

  static CrdSchemas crds() {
    return CrdSchemas.load(crdFolder());
  }
}
