package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.report;

import io.proxyherd.launcher.NodeProcess;
import io.proxyherd.support.LineConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many idle connections held open at one node: does it still answer new and old ones, and at what memory. A node
 * takes at most {@value #PER_ADDRESS} connections from one address (herd.listener.max-connections-per-address), so
 * they come from as many loopback addresses as that needs, 127.0.0.2 on; the new client comes from 127.0.0.1.
 */
final class OpenConnections {

    private static final int PER_ADDRESS = 1000;

    private OpenConnections() {}

    static void check(int port, int count, String node, List<NodeProcess> processes, Report table) throws Exception {
        List<Socket> sockets = new ArrayList<>(count);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress("127.0.0." + (2 + i / PER_ADDRESS), 0));
                socket.connect(new InetSocketAddress("localhost", port), 5_000);
                sockets.add(socket);
            }
            double opened = Figures.seconds(started);
            report(count + " connections opened at " + node, "%.1f s", opened);
            boolean fresh;
            try (LineConnection connection = new LineConnection(port)) {
                fresh = connection.ask(Figures.iamat("crowded").strip()).startsWith("AT ");
            }
            report("  a new client's IAMAT meanwhile", "%s", fresh ? "answered" : "NOT answered");
            Socket oldest = sockets.get(0);
            oldest.getOutputStream().write(Figures.iamat("oldest").getBytes());
            oldest.setSoTimeout(10_000);
            byte[] reply = new byte[2];
            boolean old = oldest.getInputStream().read(reply) > 0 && reply[0] == 'A';
            report("  the oldest connection's IAMAT", "%s", old ? "answered" : "NOT answered");
            long rss = processes.stream()
                            .filter(process -> process.address().name().equals(node))
                            .mapToLong(
                                    process -> ProcessMemory.of(process.pid()).residentKib())
                            .sum()
                    / 1024;
            report("  RSS of " + node + " holding them", "%d MB", rss);
            table.row(
                    Report.Section.CONNECTIONS,
                    String.format(Locale.ROOT, "%,d connections open at %s", count, node),
                    String.format(
                            Locale.ROOT,
                            "opened in %.1f s; new and oldest %s; RSS %d MB",
                            opened,
                            fresh && old ? "still answered" : "NOT both answered",
                            rss));
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
