package io.proxyherd.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The summary printed at the end, as a Markdown table to paste into the README: rows grouped by what
 * they measure, in the order of {@link Section} whatever order the benchmark measured them in.
 */
final class Report {

    enum Section {
        START,
        THROUGHPUT,
        CONVERGENCE,
        DRAIN,
        WIRE,
        CATCH_UP,
        CONNECTIONS,
        MEMORY
    }

    private record Row(Section section, String what, String herd, String ceiling, String ratio) {}

    private final List<Row> rows = new ArrayList<>();

    /** A figure measured on the herd and on the ceiling server alike; the ratio is herd over ceiling. */
    void compared(String what, String unit, double herd, double ceiling) {
        rows.add(new Row(
                Section.THROUGHPUT,
                what,
                format(herd) + " " + unit,
                format(ceiling) + " " + unit,
                ceiling == 0
                        ? "n/a"
                        : String.format(Locale.ROOT, herd < ceiling / 10 ? "%.3f" : "%.2f", herd / ceiling)));
    }

    /** A figure of the herd alone. */
    void row(Section section, String what, String measured) {
        rows.add(new Row(section, what, measured, "", ""));
    }

    void print() {
        System.out.println();
        System.out.println("| what | herd | ceiling | herd / ceiling |");
        System.out.println("| --- | --- | --- | --- |");
        rows.stream()
                .sorted(Comparator.comparing(Row::section))
                .forEach(row -> System.out.println(
                        "| " + row.what + " | " + row.herd + " | " + row.ceiling + " | " + row.ratio + " |"));
        System.out.println();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
