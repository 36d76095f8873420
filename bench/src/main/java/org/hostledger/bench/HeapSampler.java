package org.hostledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap use over a run. Sampled every 50 ms: the highest as allocated (which a collector lets grow up to the maximum
 * before it collects) and the highest right after a collection. The second is not the live set: after G1's young
 * collections the old generation still holds whatever garbage was promoted, so it too climbs towards the maximum.
 * The live set is measured at {@link #checkpoint()}s, between sections: a full collection, then the heap in use.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peak;
    private volatile long peakLive;
    private volatile long liveAtCheckpoints;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(
                () -> {
                    while (running) {
                        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                        long live = 0;
                        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                            if (pool.getType() == java.lang.management.MemoryType.HEAP
                                    && pool.getCollectionUsage() != null) {
                                live += pool.getCollectionUsage().getUsed();
                            }
                        }
                        peakLive = Math.max(peakLive, live);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long peakBytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    /** The highest heap in use right after a collection, old-generation garbage included: an upper bound. */
    long peakAfterCollectionsBytes() {
        return peakLive;
    }

    /**
     * A full collection ({@code System.gc()}, a full collection on G1 unless the JVM was told otherwise), then the
     * heap in use: what the run holds at this point. Called between sections, never inside a measured interval.
     */
    void checkpoint() {
        System.gc();
        liveAtCheckpoints =
                Math.max(liveAtCheckpoints, memory.getHeapMemoryUsage().getUsed());
    }

    /** The highest live set seen at a {@link #checkpoint()}. */
    long liveAtCheckpointsBytes() {
        return liveAtCheckpoints;
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
