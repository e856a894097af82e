package io.proxyherd.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/** Builds the WHATSAT reply from the stored AT line and Places JSON text. */
public final class WhatsAtReply {

    private static final Pattern NEWLINE_RUN = Pattern.compile("\n{2,}");

    private WhatsAtReply() {}

    /**
     * The AT line, a newline, the JSON with every run of newlines collapsed to one and none at either end, then two
     * newlines; a blank line thus marks the end of the reply, so the JSON must not contain one.
     */
    public static String format(AtLine at, String placesJson) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(placesJson, "placesJson");
        String json = NEWLINE_RUN.matcher(placesJson).replaceAll("\n");
        int start = json.startsWith("\n") ? 1 : 0;
        int end = json.endsWith("\n") && json.length() > start ? json.length() - 1 : json.length();
        return at.text() + "\n" + json.substring(start, end) + "\n\n";
    }
}
