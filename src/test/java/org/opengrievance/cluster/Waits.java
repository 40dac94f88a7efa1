package org.opengrievance.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Bounded waiting: every wait has a limit and fails with what was still missing. */
final class Waits {

    private Waits() {
    }

    interface Check {
        /** null when satisfied, otherwise what is still missing. */
        String missing() throws Exception;
    }

    static void until(String what, Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String missing = check.missing();
        while (missing != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not reached within " + limit + "; still missing: " + missing);
            }
            Thread.sleep(1000);
            missing = check.missing();
        }
    }

    /** Runs the work on a few threads (concurrently, as several clients would) and returns the results in order. */
    static <T> List<T> concurrently(int threads, List<Callable<T>> work, Duration limit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = pool.invokeAll(work, limit.toMillis(), TimeUnit.MILLISECONDS);
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                if (f.isCancelled()) {
                    throw new AssertionError("the burst did not finish within " + limit);
                }
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("a client failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
