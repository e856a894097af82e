package io.proxyherd.protocol;

/**
 * Reads the plain decimals of the protocol ({@code 34.068930}, {@code 1520023934.918963997}) in place, without
 * regular expressions or {@code BigDecimal}: a node reads several in every update it receives.
 */
final class Decimals {

    private Decimals() {}

    /** The index after the run of ASCII digits that starts at {@code from} ({@code from} itself if there is none). */
    static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The end of an unsigned decimal that starts at {@code from}: one or more digits, then optionally a point and
     * one to {@code maxFractionDigits} digits; -1 if there is none there.
     */
    static int unsignedEnd(String text, int from, int maxFractionDigits) {
        int integerEnd = digitsEnd(text, from);
        if (integerEnd == from) {
            return -1;
        }
        if (integerEnd == text.length() || text.charAt(integerEnd) != '.') {
            return integerEnd;
        }
        int fractionEnd = digitsEnd(text, integerEnd + 1);
        int fractionDigits = fractionEnd - integerEnd - 1;
        return fractionDigits >= 1 && fractionDigits <= maxFractionDigits ? fractionEnd : -1;
    }

    /**
     * Compares the unsigned decimals {@code a[aFrom, aEnd)} and {@code b[bFrom, bEnd)} by value, as valid
     * {@link #unsignedEnd} found them: leading zeros and trailing fraction zeros do not count.
     */
    static int compare(String a, int aFrom, int aEnd, String b, int bFrom, int bEnd) {
        int aPoint = pointOrEnd(a, aFrom, aEnd);
        int bPoint = pointOrEnd(b, bFrom, bEnd);
        int aStart = firstSignificant(a, aFrom, aPoint);
        int bStart = firstSignificant(b, bFrom, bPoint);
        int byLength = Integer.compare(aPoint - aStart, bPoint - bStart);
        if (byLength != 0) {
            return byLength;
        }
        for (int i = 0; i < aPoint - aStart; i++) {
            int byDigit = Character.compare(a.charAt(aStart + i), b.charAt(bStart + i));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        int fractionDigits = Math.max(aEnd - aPoint, bEnd - bPoint);
        for (int i = 1; i < fractionDigits; i++) {
            int byDigit = Character.compare(fractionDigit(a, aPoint + i, aEnd), fractionDigit(b, bPoint + i, bEnd));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int pointOrEnd(String text, int from, int end) {
        int point = text.indexOf('.', from);
        return point < 0 || point > end ? end : point;
    }

    private static int firstSignificant(String text, int from, int integerEnd) {
        int i = from;
        while (i < integerEnd && text.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    private static char fractionDigit(String text, int index, int end) {
        return index < end ? text.charAt(index) : '0';
    }
}
