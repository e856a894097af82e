package io.proxyherd.activity;

/** Somewhere else the node's activity is reported as it happens, such as MicroProfile Metrics. */
public interface ActivitySink {

    ActivitySink NONE = new ActivitySink() {
        @Override
        public void counted(Count count, long n) {}

        @Override
        public void timed(Timing timing, long nanos) {}
    };

    void counted(Count count, long n);

    void timed(Timing timing, long nanos);
}
