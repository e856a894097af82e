package io.proxyherd.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients the load runs report: a fixed population ({@code bench.client-population}, 100,000), each client
 * reporting again and again as the load goes round it. Every IAMAT is still news (its time is later than the
 * client's last one) and floods the whole herd; what a population changes is what the nodes must hold
 * afterwards: a herd knows its clients, not every IAMAT it was ever told. Ids from a population of 0 never
 * repeat.
 */
final class LoadClients {

    private static final long POPULATION = BenchSettings.fromSystemProperties().clientPopulation();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private LoadClients() {}

    /** The next client to report: "load-" and its number in the population. */
    static String next() {
        long sequence = SEQUENCE.incrementAndGet();
        return "load-" + (POPULATION > 0 ? sequence % POPULATION : sequence);
    }
}
