package io.proxyherd.cli;

/** Turns an exception into the one line the user sees. */
final class Failures {

    private Failures() {}

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
