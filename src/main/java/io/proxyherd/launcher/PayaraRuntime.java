package io.proxyherd.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Payara Micro unpacked once ({@code --outputlauncher}) and shared by every node of this machine, each
 * node keeping its own instance folder ({@code --rootdir}: domain.xml, deployed and generated files).
 *
 * <p>Why not {@code java -jar payara-micro.jar}: the uber jar unpacks its 320 jars into a new temporary
 * folder at every start, and a class-data archive is only valid for the class path it was made with.
 * Why not the launcher jar the unpacking writes: it takes the folder it lies in as the instance folder,
 * so nodes would share (and race on) one domain.xml. So a node runs Payara's main class with the launcher
 * jar's class path and module options, and tells it where the runtime is through the two system
 * properties the launcher jar itself sets (pinned Payara version: see pom.xml).
 */
public record PayaraRuntime(Path folder) {

    static final String MAIN_CLASS = "fish.payara.micro.impl.PayaraMicroImpl";
    private static final String LAUNCHER = "launch-micro.jar";
    private static final String ARCHIVE = "herd-classes.jsa";

    public Path launcher() {
        return folder.resolve(LAUNCHER);
    }

    /** The class-data archive of a warm-up run (see {@link ClassDataArchive}); it may not exist. */
    public Path classDataArchive() {
        return folder.resolve(ARCHIVE);
    }

    public boolean isUnpacked() {
        return Files.isRegularFile(launcher());
    }

    /** Unpacks the uber jar into this folder, unless it is unpacked from that very jar already. */
    public void unpackFrom(Path payaraMicro) throws IOException, InterruptedException {
        if (isUnpacked()
                && Files.getLastModifiedTime(launcher()).compareTo(Files.getLastModifiedTime(payaraMicro)) >= 0) {
            return;
        }
        deleteRecursively(folder);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process unpacking = new ProcessBuilder(
                        java.toString(),
                        "-jar",
                        payaraMicro.toString(),
                        "--rootdir",
                        folder.toString(),
                        "--outputlauncher")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (unpacking.waitFor() != 0 || !isUnpacked()) {
            throw new IOException("unpacking " + payaraMicro + " into " + folder + " failed (exit code "
                    + unpacking.exitValue() + ")");
        }
    }

    /**
     * The java options and main class that start Payara from this runtime for a node whose instance folder
     * ({@link #freshInstance}) is {@code instance}: the launcher jar's class path, its Add-Opens and Add-Exports
     * as options, where the runtime is, and the class-data archive if made.
     */
    public List<String> javaCommandTail(Path instance) {
        List<String> options = new ArrayList<>(moduleOptions());
        if (Files.isRegularFile(classDataArchive())) {
            options.add("-XX:SharedArchiveFile=" + archiveFor(instance));
        }
        options.add("-Dfish.payara.micro.BootJar=" + launcher().toUri());
        options.add("-Dfish.payara.micro.UnpackDir=" + folder);
        options.addAll(List.of("-cp", launcher().toString(), MAIN_CLASS));
        return options;
    }

    /**
     * The archive as the node maps it: a hard link in its instance folder, the same file, so a rebuild, which
     * puts a new file at {@link #classDataArchive()}, leaves a running node's as it was. HotSpot opens the
     * archive again by the path it was given when a class is redefined (JFR starting, a debugger, an agent),
     * to map its read-only part writable: two nodes whose archive had been rebuilt under them crashed on
     * {@code jcmd PID JFR.start}. Where no link can be made (another file system), the runtime's own path.
     */
    private Path archiveFor(Path instance) {
        Path link = instance.resolve(ARCHIVE);
        try {
            Files.deleteIfExists(link);
            Files.createLink(link, classDataArchive());
            return link;
        } catch (IOException | UnsupportedOperationException e) {
            return classDataArchive();
        }
    }

    /**
     * Makes a node's instance folder anew from the unpacked configuration. Never reused: Payara records the
     * applications it deployed in the instance's domain.xml, and a node started again on it would deploy
     * them from there and then once more from its command line, stopping the adapter while serving.
     */
    public void freshInstance(Path instance) throws IOException {
        deleteRecursively(instance);
        Path config = instance.resolve("config");
        Path template = folder.resolve("config");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = config.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private List<String> moduleOptions() {
        Manifest manifest;
        try (JarFile jar = new JarFile(launcher().toFile())) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + launcher() + ": run ./mvnw package -DskipTests", e);
        }
        List<String> options = new ArrayList<>();
        Attributes attributes = manifest.getMainAttributes();
        for (String export : words(attributes.getValue("Add-Exports"))) {
            options.add("--add-exports=" + export + "=ALL-UNNAMED");
        }
        for (String open : words(attributes.getValue("Add-Opens"))) {
            options.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        return options;
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : List.of(value.strip().split("\\s+"));
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file :
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Where the digest of the inputs the archive was made from is kept. */
    Path classDataInputs() {
        return folder.resolve(ARCHIVE + ".inputs");
    }
}
