package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run by the build ({@code package}): unpacks Payara Micro into the shared runtime, then makes the nodes'
 * class-data archive with a warm-up run ({@code --warmup}: Payara boots, deploys the adapter and the WAR,
 * and exits; {@code -XX:ArchiveClassesAtExit} writes every class it loaded). A node started with the
 * archive maps those classes instead of loading and verifying them again. Both steps are skipped when
 * their inputs have not changed (the archive's: the digests of the WAR, the adapter, the launcher jar, the
 * JVM options and the Java version).
 */
public final class ClassDataArchive {

    private static final long WARM_UP_MINUTES = 5;

    private ClassDataArchive() {}

    /** {@code args}: the checkout's root folder. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
        HerdFiles files = HerdFiles.inCheckout(root);
        Path target = root.resolve("target");
        files.runtime().unpackFrom(target.resolve("payara-micro.jar"));
        PayaraRuntime runtime = files.runtime();
        // The build makes a byte-identical WAR and adapter from an unchanged tree (pom.xml: outputTimestamp).
        String inputs = digests(files.war(), files.resourceAdapter(), runtime.launcher(), files.nodeJvmOptions())
                + "java " + Runtime.version() + "\n";
        if (Files.isRegularFile(runtime.classDataArchive())
                && Files.isRegularFile(runtime.classDataInputs())
                && Files.readString(runtime.classDataInputs(), StandardCharsets.UTF_8)
                        .equals(inputs)) {
            System.out.println("class-data archive " + runtime.classDataArchive() + " is up to date");
            return;
        }
        Files.deleteIfExists(runtime.classDataInputs());
        make(files, target.resolve("class-data-warmup"));
        Files.writeString(runtime.classDataInputs(), inputs, StandardCharsets.UTF_8);
    }

    private static String digests(Path... files) throws IOException, NoSuchAlgorithmException {
        StringBuilder lines = new StringBuilder();
        for (Path file : files) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            lines.append(HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(file))))
                    .append(' ')
                    .append(file.getFileName())
                    .append('\n');
        }
        return lines.toString();
    }

    private static void make(HerdFiles checkout, Path workFolder) throws IOException, InterruptedException {
        Path archive = checkout.runtime().classDataArchive();
        Files.deleteIfExists(archive);
        PayaraRuntime.deleteRecursively(workFolder);
        HerdFiles files = checkout.withConfig(warmUpConfig(checkout.config(), workFolder))
                .withState(workFolder.resolve("data"), workFolder.resolve("logs"));
        NodeAddress node = Topology.load(files.config()).nodes().get(0);
        Path log = files.logs().resolve("warm-up.log");
        Files.createDirectories(files.logs());
        Path partial = workFolder.resolve("archive.partial");
        List<String> command = new ArrayList<>(NodeCommand.of(
                node,
                files,
                NodeProcess.loggingProperties(node, files, log),
                // C1 alone: the archive holds classes, not compiled code, and the warm-up is over sooner.
                List.of("-XX:ArchiveClassesAtExit=" + partial, "-XX:TieredStopAtLevel=1")));
        command.add("--warmup");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(files.logs().resolve("warm-up.out").toFile());
        builder.environment().put("HERD_NODE", node.name());
        builder.environment().put("HERD_LOG_FILE", log.toString());
        long started = System.nanoTime();
        Process warmUp = builder.start();
        if (!warmUp.waitFor(WARM_UP_MINUTES, TimeUnit.MINUTES)) {
            warmUp.destroyForcibly();
            throw new IOException(
                    "the class-data warm-up run did not end within " + WARM_UP_MINUTES + " min; see " + workFolder);
        }
        if (!Files.isRegularFile(partial)) {
            throw new IOException("the class-data warm-up run (exit code " + warmUp.exitValue()
                    + ") wrote no archive; see " + files.logs());
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(
                "class-data archive %s: %d MB, made in %.1f s%n",
                archive, Files.size(archive) >> 20, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The herd's configuration with every port of the warm-up node moved to a free one, so that the build
     * can run beside a herd that serves on the usual ports.
     */
    private static Path warmUpConfig(Path config, Path workFolder) throws IOException {
        return ConfigCopy.write(
                config,
                workFolder.resolve("config"),
                config + " with free ports, for the class-data warm-up run",
                (key, value) -> ConfigCopy.isPort(key) ? Integer.toString(freePort()) : value);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the class-data warm-up run", e);
        }
    }
}
