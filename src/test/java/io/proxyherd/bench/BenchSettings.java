package io.proxyherd.bench;

import java.time.Duration;

/**
 * The benchmark's knobs, each a system property ({@code ./mvnw verify -Pbenchmark -Dbench.clients=32}),
 * with the defaults the README's figures were measured with.
 */
record BenchSettings(
        int clients,
        Duration warmUp,
        Duration measure,
        int pipelineDepth,
        int convergenceSamples,
        Duration backgroundLoad,
        int connections,
        int clientPopulation,
        int catchUpClients,
        int catchUpConnections,
        int catchUpPipelineDepth,
        int catchUpProbes,
        Duration catchUpProbePause,
        int catchUpSample,
        int portShift) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.clients", 16),
                Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 30)),
                Duration.ofSeconds(Long.getLong("bench.seconds", 20)),
                Integer.getInteger("bench.pipeline", 4),
                Integer.getInteger("bench.convergence-samples", 300),
                Duration.ofSeconds(Long.getLong("bench.loaded-convergence-seconds", 30)),
                Integer.getInteger("bench.connections", 10_000),
                Integer.getInteger("bench.client-population", 100_000),
                Integer.getInteger("bench.catch-up-clients", 100_000),
                Integer.getInteger("bench.catch-up-connections", 5),
                Integer.getInteger("bench.catch-up-pipeline", 16),
                Integer.getInteger("bench.catch-up-probes", 5),
                Duration.ofMillis(Long.getLong("bench.catch-up-probe-pause-millis", 2_000)),
                Integer.getInteger("bench.catch-up-sample", 200),
                Integer.getInteger("bench.port-shift", 3700));
    }
}
