package org.hostledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The highest heap use seen, sampled every 50 ms over the whole run: as allocated (which a collector lets grow up to
 * the maximum before it collects) and as live after the latest collection (what the run really needs).
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peak;
    private volatile long peakLive;
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

    long peakLiveBytes() {
        return peakLive;
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
