package io.baton.flink.job;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs user code on a thread of its own that ends with it, so that nothing the code leaves in
 * thread-locals outlives the call. On a session cluster a stage job's {@code main()} runs on a
 * long-lived JobManager thread; libraries in the job jar (Avro's name validator, for one) set
 * thread-locals there whose values are classes of the job jar, and those would keep the job's
 * class loader, and its metaspace, alive for as long as the JobManager runs.
 *
 * <pre>{@code
 * PipelineGraph graph = ShortLivedThread.call("baton define sensor-story", () -> definition.define().build());
 * }</pre>
 */
final class ShortLivedThread {
  private ShortLivedThread() {}

  /** Calls {@code work} on a new thread with the caller's context class loader and waits for it. */
  static <T> T call(String name, Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        result.set(work.call());
      } catch (Throwable t) {
        failure.set(t);
      }
    }, name);
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.setDaemon(true);
    thread.start();
    thread.join();
    Throwable t = failure.get();
    if (t instanceof Exception e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }
}
