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
        LocationRegistry known = new LocationRegistry();
        known.offer(at("AT Welsh +0.000123456 kiwi +34.068930-118.445127 1700000000.000000001"));
        known.offer(at("AT Hands -0.500000000 caf\u00E9 -01.5+002.25 1700000001"));
        Path file = folder.resolve("nodes/Welsh/registry.txt");

        RegistryFile.write(file, known);
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
        LocationRegistry old = new LocationRegistry();
        old.offer(at("AT Welsh +0.100000000 kiwi +1+1 1700000000"));
        Path file = folder.resolve("registry.txt");
        RegistryFile.write(file, old);
        LocationRegistry registry = new LocationRegistry();
        AtLine newer = at("AT Hands +0.100000000 kiwi +2+2 1700000005");
        registry.offer(newer);

        RegistryFile.readInto(file, registry);

        assertThat(registry.latest("kiwi")).contains(newer);
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

    private static AtLine at(String text) {
        return AtLine.parse(text).orElseThrow();
    }
}
