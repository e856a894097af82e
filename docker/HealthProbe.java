import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The node image's HEALTHCHECK: exits 0 only when the application itself serves, as NodeProcess.isReady()
 * decides it locally: /health/ready answers 200 and names the application's "client-listener" check
 * (Payara answers UP before the WAR is deployed; 200 also needs the "flood-consumer" check, the node's
 * queue consumed on the broker), and the client port accepts connections.
 * Plain JDK, so the image needs no curl.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MS = 2_000;

    public static void main(String[] args) {
        String config = args.length > 0 ? args[0] : "/opt/payara/herd/server-config/herd.properties";
        String node = System.getenv("HERD_NODE");
        try {
            if (node == null || node.isBlank()) {
                throw new IllegalStateException("HERD_NODE is not set");
            }
            Properties herd = new Properties();
            try (InputStream in = new FileInputStream(config)) {
                herd.load(in);
            }
            int httpPort = port(herd, "herd.node." + node + ".http-port");
            int clientPort = port(herd, "herd.node." + node + ".client-port");
            String failure = ready(httpPort);
            if (failure == null) {
                failure = acceptsClients(clientPort);
            }
            if (failure != null) {
                System.out.println(node + " not ready: " + failure);
                System.exit(1);
            }
            System.out.println(node + " ready");
        } catch (IOException | RuntimeException e) {
            System.out.println("health probe failed: " + e);
            System.exit(2);
        }
    }

    private static int port(Properties herd, String key) {
        String value = herd.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + " in herd.properties (unknown node?)");
        }
        return Integer.parseInt(value.trim());
    }

    private static String ready(int httpPort) {
        HttpURLConnection health = null;
        try {
            health = (HttpURLConnection) new URL("http://127.0.0.1:" + httpPort + "/health/ready").openConnection();
            health.setConnectTimeout(TIMEOUT_MS);
            health.setReadTimeout(TIMEOUT_MS);
            int status = health.getResponseCode();
            if (status != 200) {
                return "/health/ready answered " + status;
            }
            try (InputStream body = health.getInputStream()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return text.contains("\"client-listener\"") ? null : "/health/ready does not name client-listener yet";
            }
        } catch (IOException e) {
            return "/health/ready: " + e;
        } finally {
            if (health != null) {
                health.disconnect();
            }
        }
    }

    private static String acceptsClients(int clientPort) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", clientPort), TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            return "client port " + clientPort + ": " + e;
        }
    }
}
