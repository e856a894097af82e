package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayaraRuntimeTest {

    @TempDir
    Path folder;

    @Test
    void startsPayarasMainClassWithTheLaunchersModuleOptionsAndTheRuntimeFolder() throws IOException {
        PayaraRuntime runtime = runtimeWithLauncher(
                "java.base/jdk.internal.ref jdk.naming.dns/com.sun.jndi.dns", "java.base/java.lang java.base/java.io");

        assertThat(runtime.javaCommandTail(folder.resolve("nodes/Welsh")))
                .containsExactly(
                        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                        "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--add-opens=java.base/java.io=ALL-UNNAMED",
                        "-Dfish.payara.micro.BootJar=" + runtime.launcher().toUri(),
                        "-Dfish.payara.micro.UnpackDir=" + folder,
                        "-cp",
                        runtime.launcher().toString(),
                        "fish.payara.micro.impl.PayaraMicroImpl");
    }

    @Test
    void aNodeMapsTheClassDataArchiveOnceItIsMadeThroughALinkOfItsOwn() throws IOException {
        PayaraRuntime runtime = runtimeWithLauncher(null, null);
        Files.writeString(runtime.classDataArchive(), "archive");
        Path instance = freshInstance(runtime);

        List<String> command = runtime.javaCommandTail(instance);

        Path link = instance.resolve(runtime.classDataArchive().getFileName());
        assertThat(command).contains("-XX:SharedArchiveFile=" + link);
        assertThat(Files.isSameFile(link, runtime.classDataArchive())).isTrue();
    }

    @Test
    void aRebuiltArchiveLeavesTheOneARunningNodeMapsAsItWas() throws IOException {
        PayaraRuntime runtime = runtimeWithLauncher(null, null);
        Files.writeString(runtime.classDataArchive(), "archive of the first build");
        Path instance = freshInstance(runtime);
        Path mapped = Path.of(runtime.javaCommandTail(instance).stream()
                .filter(option -> option.startsWith("-XX:SharedArchiveFile="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:SharedArchiveFile=".length()));

        // As ClassDataArchive rebuilds it: the old file removed, a new one moved in.
        Files.delete(runtime.classDataArchive());
        Files.writeString(runtime.classDataArchive(), "archive of the second build");

        assertThat(mapped).hasContent("archive of the first build");
        runtime.freshInstance(instance);
        runtime.javaCommandTail(instance);
        assertThat(mapped).hasContent("archive of the second build");
    }

    @Test
    void noArchiveOptionBeforeTheArchiveIsMade() throws IOException {
        PayaraRuntime runtime = runtimeWithLauncher(null, null);
        Path instance = freshInstance(runtime);

        assertThat(runtime.javaCommandTail(instance)).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void makesANodesInstanceAnewFromTheUnpackedConfigurationAtEachStart() throws IOException {
        PayaraRuntime runtime = runtimeWithLauncher(null, null);
        Files.createDirectories(folder.resolve("config/branding"));
        Files.writeString(folder.resolve("config/domain.xml"), "<domain/>");
        Files.writeString(folder.resolve("config/branding/glassfish-version.properties"), "v");
        Path instance = folder.resolve("nodes/Welsh");

        runtime.freshInstance(instance);
        Files.writeString(instance.resolve("config/domain.xml"), "<domain with-deployed-applications/>");
        Files.createDirectories(instance.resolve("applications/herd"));
        runtime.freshInstance(instance);

        assertThat(instance.resolve("config/branding/glassfish-version.properties"))
                .hasContent("v");
        assertThat(instance.resolve("config/domain.xml")).hasContent("<domain/>");
        assertThat(instance.resolve("applications")).doesNotExist();
    }

    /** Welsh's instance folder, made from an empty unpacked configuration. */
    private Path freshInstance(PayaraRuntime runtime) throws IOException {
        Files.createDirectories(folder.resolve("config"));
        Path instance = folder.resolve("nodes/Welsh");
        runtime.freshInstance(instance);
        return instance;
    }

    private PayaraRuntime runtimeWithLauncher(String exports, String opens) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (exports != null) {
            manifest.getMainAttributes().putValue("Add-Exports", exports);
        }
        if (opens != null) {
            manifest.getMainAttributes().putValue("Add-Opens", opens);
        }
        PayaraRuntime runtime = new PayaraRuntime(folder);
        try (OutputStream file = Files.newOutputStream(runtime.launcher());
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.flush();
        }
        assertThat(runtime.isUnpacked()).isTrue();
        return runtime;
    }

    @Test
    void readsTheNodeJvmOptionsFileSkippingCommentsAndBlankLines() throws IOException {
        Path file = folder.resolve("node-jvm.options");
        Files.write(file, List.of("# heap", "-Xmx200m", "", "  -XX:+UseSerialGC  ", "#-Xss1m"));

        assertThat(NodeCommand.jvmOptions(file)).containsExactly("-Xmx200m", "-XX:+UseSerialGC");
    }

    @Test
    void aNodeJvmOptionNamesAFileBesideItWithConfigDir() throws IOException {
        Path file = folder.resolve("node-jvm.options");
        Files.write(file, List.of("-XX:CompilerDirectivesFile=${configDir}/directives.json"));

        assertThat(NodeCommand.jvmOptions(file))
                .containsExactly(
                        "-XX:CompilerDirectivesFile=" + folder.toAbsolutePath().resolve("directives.json"));
    }
}
