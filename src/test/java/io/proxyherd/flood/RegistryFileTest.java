package io.proxyherd.flood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.protocol.AtLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFileTest {

    @TempDir
    Path folder;

    @Test
    void whatIsWrittenIsReadBackWithTheSameLines() throws IOException {
        LocationRegistry known = LocationRegistry.notingChanges();
        known.offer(at("AT Welsh +0.000123456 kiwi +34.068930-118.445127 1700000000.000000001"));
        known.offer(at("AT Hands -0.500000000 caf\u00E9 -01.5+002.25 1700000001"));
        Path file = folder.resolve("nodes/Welsh/registry.txt");

        assertThat(new RegistryFile(file).snapshot(known)).isEqualTo(new RegistryFile.Written(true, 2));
        LocationRegistry read = new LocationRegistry();
        RegistryFile.Loaded loaded = RegistryFile.readInto(file, read);

        assertThat(loaded).isEqualTo(new RegistryFile.Loaded(2, 0));
        assertThat(read.latest("kiwi")).isEqualTo(known.latest("kiwi"));
        assertThat(read.latest("caf\u00E9").orElseThrow().text())
                .isEqualTo("AT Hands -0.500000000 caf\u00E9 -01.5+002.25 1700000001");
        assertThat(folder.resolve("nodes/Welsh"))
                .isDirectoryContaining(path -> path.getFileName().toString().equals("registry.txt"))
                .isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".next"));
    }

    @Test
    void aNewerLineAlreadyKnownIsNotReplacedByAnOlderOneInTheFile() throws IOException {
        LocationRegistry old = LocationRegistry.notingChanges();
        old.offer(at("AT Welsh +0.100000000 kiwi +1+1 1700000000"));
        Path file = folder.resolve("registry.txt");
        new RegistryFile(file).snapshot(old);
        LocationRegistry registry = new LocationRegistry();
        AtLine newer = at("AT Hands +0.100000000 kiwi +2+2 1700000005");
        registry.offer(newer);

        RegistryFile.readInto(file, registry);

        assertThat(registry.latest("kiwi")).contains(newer);
    }

    @Test
    void laterSnapshotsAddOnlyTheLinesThatChangedAndTheFileReadsAsTheRegistry() throws IOException {
        LocationRegistry known = notingChanges(
                "AT Welsh +0.100000000 kiwi +1+1 1700000000",
                "AT Welsh +0.100000000 emu +1+1 1700000000",
                "AT Welsh +0.100000000 moa +1+1 1700000000");
        Path file = folder.resolve("registry.txt");
        RegistryFile store = afterFirstSnapshot(file, known);

        known.offer(at("AT Hands +0.200000000 kiwi +2+2 1700000005"));
        known.offer(at("AT Hands +0.200000000 kiwi +3+3 1700000006"));
        RegistryFile.Written added = store.snapshot(known);
        RegistryFile.Written nothing = store.snapshot(known);

        assertThat(added).isEqualTo(new RegistryFile.Written(false, 1));
        assertThat(nothing).isEqualTo(new RegistryFile.Written(false, 0));
        assertThat(Files.readAllLines(file)).hasSize(1 + 3 + 1).endsWith("AT Hands +0.200000000 kiwi +3+3 1700000006");
        LocationRegistry read = new LocationRegistry();
        assertThat(RegistryFile.readInto(file, read)).isEqualTo(new RegistryFile.Loaded(4, 0));
        assertThat(read.texts()).containsExactlyInAnyOrderElementsOf(known.texts());
    }

    @Test
    void theFileIsWrittenWholeAgainOnceTheLinesAddedOutnumberTheClients() throws IOException {
        LocationRegistry known = notingChanges(
                "AT Welsh +0.100000000 kiwi +1+1 1700000000", "AT Welsh +0.100000000 emu +1+1 1700000000");
        Path file = folder.resolve("registry.txt");
        RegistryFile store = afterFirstSnapshot(file, known);

        known.offer(at("AT Welsh +0.100000000 kiwi +1+1 1700000001"));
        known.offer(at("AT Welsh +0.100000000 emu +1+1 1700000001"));
        RegistryFile.Written second = store.snapshot(known);
        known.offer(at("AT Welsh +0.100000000 kiwi +1+1 1700000002"));
        RegistryFile.Written third = store.snapshot(known);

        assertThat(second).isEqualTo(new RegistryFile.Written(false, 2));
        assertThat(third).isEqualTo(new RegistryFile.Written(true, 2));
        assertThat(Files.readAllLines(file))
                .containsExactlyInAnyOrder(
                        RegistryFile.VERSION,
                        "AT Welsh +0.100000000 kiwi +1+1 1700000002",
                        "AT Welsh +0.100000000 emu +1+1 1700000001");
    }

    @Test
    void aLastLineCutShortByACrashIsSkippedThoughWhatRemainsOfItReadsAsAnAtLine() throws IOException {
        Path file = folder.resolve("registry.txt");
        Files.writeString(
                file,
                RegistryFile.VERSION
                        + "\nAT Welsh +0.100000000 kiwi +1+1 1700000000\nAT Hands +0.100000000 kiwi +2+2 1700000005.12",
                StandardCharsets.UTF_8);
        LocationRegistry registry = new LocationRegistry();

        assertThat(RegistryFile.readInto(file, registry)).isEqualTo(new RegistryFile.Loaded(1, 1));
        assertThat(registry.latest("kiwi").orElseThrow().text())
                .isEqualTo("AT Welsh +0.100000000 kiwi +1+1 1700000000");
    }

    @Test
    void aNodesFirstSnapshotIsWholeSoItReplacesWhatACrashLeft() throws IOException {
        Path file = folder.resolve("registry.txt");
        Files.writeString(
                file,
                RegistryFile.VERSION + "\nAT Welsh +0.100000000 kiwi +1+1 1700000000\nAT Hands +0.1000",
                StandardCharsets.UTF_8);
        LocationRegistry registry = LocationRegistry.notingChanges();
        RegistryFile.readInto(file, registry);
        registry.takeChanged();
        registry.offer(at("AT Welsh +0.100000000 emu +1+1 1700000000"));

        assertThat(new RegistryFile(file).snapshot(registry)).isEqualTo(new RegistryFile.Written(true, 2));
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .endsWith("\n")
                .doesNotContain("AT Hands");
        assertThat(RegistryFile.readInto(file, new LocationRegistry())).isEqualTo(new RegistryFile.Loaded(2, 0));
    }

    @Test
    void aRegistryHandsOverEachChangedClientOnceAndOnlyIfItNotesChanges() {
        LocationRegistry registry = LocationRegistry.notingChanges();
        registry.offer(at("AT Welsh +0.100000000 kiwi +1+1 1700000000"));
        registry.offer(at("AT Welsh +0.100000000 kiwi +1+1 1700000001"));
        registry.offer(at("AT Welsh +0.100000000 kiwi +1+1 1699999999"));

        assertThat(registry.takeChanged()).containsExactly("AT Welsh +0.100000000 kiwi +1+1 1700000001");
        assertThat(registry.takeChanged()).isEmpty();
        assertThatThrownBy(() -> new LocationRegistry().takeChanged()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingFileIsAnEmptyOne() throws IOException {
        assertThat(RegistryFile.readInto(folder.resolve("none"), new LocationRegistry()))
                .isEqualTo(new RegistryFile.Loaded(0, 0));
    }

    @Test
    void linesThatAreNotAtLinesAreSkippedAndCounted() throws IOException {
        Path file = folder.resolve("registry.txt");
        Files.writeString(
                file,
                RegistryFile.VERSION + "\nAT Welsh +0.100000000 kiwi +1+1 1700000000\nnot a line\n\n",
                StandardCharsets.UTF_8);
        LocationRegistry registry = new LocationRegistry();

        assertThat(RegistryFile.readInto(file, registry)).isEqualTo(new RegistryFile.Loaded(1, 2));
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void aFileWithoutTheVersionMarkIsRefused() throws IOException {
        Path file = folder.resolve("registry.txt");
        Files.writeString(file, "AT Welsh +0.100000000 kiwi +1+1 1700000000\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RegistryFile.readInto(file, new LocationRegistry()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(RegistryFile.VERSION);
    }

    @Test
    void theRegistryCountsItsChangesSoAnUnchangedOneNeedsNoSnapshot() {
        LocationRegistry registry = new LocationRegistry();
        AtLine line = at("AT Welsh +0.100000000 kiwi +1+1 1700000000");

        registry.offer(line);
        registry.offer(line);
        registry.offer(at("AT Welsh +0.100000000 kiwi +1+1 1700000001"));

        assertThat(registry.changes()).isEqualTo(2);
    }

    private static LocationRegistry notingChanges(String... lines) {
        LocationRegistry registry = LocationRegistry.notingChanges();
        for (String line : lines) {
            registry.offer(at(line));
        }
        return registry;
    }

    private static RegistryFile afterFirstSnapshot(Path file, LocationRegistry registry) throws IOException {
        RegistryFile store = new RegistryFile(file);
        assertThat(store.snapshot(registry).whole()).isTrue();
        return store;
    }

    private static AtLine at(String text) {
        return AtLine.parse(text).orElseThrow();
    }
}
