package io.proxyherd.console;

/** A failure as one short line for the console: the innermost message says most ("Connection refused"). */
final class OneLine {

    private OneLine() {}

    static String of(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
