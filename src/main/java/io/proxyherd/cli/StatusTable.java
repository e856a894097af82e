package io.proxyherd.cli;

import java.util.ArrayList;
import java.util.List;

/** Lays out node statuses as a plain-text table, one row per node, columns padded to their widest cell. */
final class StatusTable {

    private static final List<String> HEADINGS =
            List.of("NODE", "HEALTH", "CLIENT", "HTTP", "NEIGHBOURS", "QUEUE", "CONSUMERS", "MESSAGES");

    private StatusTable() {}

    static String format(List<NodeStatus> nodes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (NodeStatus node : nodes) {
            rows.add(List.of(
                    node.address().name(),
                    node.health().word(),
                    Integer.toString(node.address().clientPort()),
                    Integer.toString(node.address().httpPort()),
                    node.neighbours().isEmpty() ? "-" : String.join(",", node.neighbours()),
                    node.queue().queue(),
                    node.queue().known()
                            ? Integer.toString(node.queue().consumers())
                            : node.queue().unknownBecause(),
                    node.queue().known() ? Long.toString(node.queue().messages()) : "-"));
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(row.get(column))
                        .append(" ".repeat(widths[column] - row.get(column).length() + 2));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }
}
