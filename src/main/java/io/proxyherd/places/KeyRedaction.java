package io.proxyherd.places;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Removes the API key from text bound for logs, messages and answers. */
final class KeyRedaction {

    static final String REDACTED = "REDACTED";

    private final Optional<String> key;

    KeyRedaction(Optional<String> key) {
        this.key = key;
    }

    String apply(String text) {
        if (text == null || key.isEmpty()) {
            return text;
        }
        String plain = key.get();
        // A URL in a message may carry the key percent-encoded.
        String encoded = URLEncoder.encode(plain, StandardCharsets.UTF_8);
        return text.replace(plain, REDACTED).replace(encoded, REDACTED);
    }
}
