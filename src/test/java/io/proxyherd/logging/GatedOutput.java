package io.proxyherd.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** An output whose writes wait until the test opens the gate, as a stalled disk would; it keeps what is written. */
final class GatedOutput extends OutputStream {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        written.write(bytes, offset, length);
    }

    /** True once the writer is stuck in its first write. */
    boolean stalled() {
        return entered.getCount() == 0;
    }

    void open() {
        gate.countDown();
    }

    List<String> lines() {
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
