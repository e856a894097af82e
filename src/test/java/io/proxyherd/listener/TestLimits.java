package io.proxyherd.listener;

import java.time.Duration;

/** Connection limits for tests: the one a test is about, and the rest too wide to matter. */
final class TestLimits {

    private TestLimits() {}

    static ConnectionLimits lineLimit(int maxLineBytes) {
        return new ConnectionLimits(
                1000, 1000, maxLineBytes, Duration.ofMinutes(1), Duration.ofMinutes(5), 1 << 20, 1024, 64);
    }
}
