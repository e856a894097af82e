package io.proxyherd.protocol;

import java.util.ArrayList;
import java.util.List;

/** Splits on protocol whitespace. */
public final class Fields {

    private Fields() {}

    /** Returns the fields of {@code line}: maximal runs of non-whitespace characters, in order. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < line.length(); i++) {
            if (isWhitespace(line.charAt(i))) {
                if (start >= 0) {
                    fields.add(line.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            fields.add(line.substring(start));
        }
        return List.copyOf(fields);
    }

    /** True if {@code line} is its fields joined by single spaces: no other whitespace, none leading or trailing. */
    public static boolean isSingleSpaced(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean misplacedSpace = c == ' ' && (i == 0 || i == line.length() - 1 || line.charAt(i - 1) == ' ');
            if (misplacedSpace || (c != ' ' && isWhitespace(c))) {
                return false;
            }
        }
        return true;
    }

    /** True for space, tab, CR, LF, form feed and vertical tab; Character.isWhitespace knows more than the protocol. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\u000B';
    }

    /**
     * True if {@code line} holds a character no command may: a control character other than the protocol's
     * whitespace, or U+FFFD, which is what the node reads in place of bytes that are not UTF-8. Such text
     * would otherwise be flooded to every node, logged and shown as a client's name.
     */
    static boolean hasForbiddenCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((Character.isISOControl(c) && !isWhitespace(c)) || c == '\uFFFD') {
                return true;
            }
        }
        return false;
    }

    /** True if {@code text} could be a single field: non-empty and free of protocol whitespace. */
    static boolean isField(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String requireField(String text, String what) {
        if (!isField(text)) {
            throw new IllegalArgumentException(what + " must be a non-empty string without whitespace: " + text);
        }
        return text;
    }
}
