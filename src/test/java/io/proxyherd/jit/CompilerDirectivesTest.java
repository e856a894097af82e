package io.proxyherd.jit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On this test JVM's own compilers: the directives added match nothing it runs. */
class CompilerDirectivesTest {

    @TempDir
    Path folder;

    @Test
    void addedDirectivesAreInForce() throws IOException {
        Path file = folder.resolve("serving.json");
        Files.writeString(file, "[ { match: \"io/proxyherd/jit/NoSuchClass.*\", c2: { Exclude: false } } ]");

        CompilerDirectives.add(file);

        assertThat(CompilerDirectives.inForce()).contains("matching: io/proxyherd/jit/NoSuchClass.*");
    }

    @Test
    void aFileTheJvmCannotReadIsRefusedWithItsReason() throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "not json");

        assertThatThrownBy(() -> CompilerDirectives.add(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Syntax error");
    }

    @Test
    void aMissingFileIsRefused() {
        Path file = folder.resolve("missing.json");

        assertThatThrownBy(() -> CompilerDirectives.add(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no compiler directives file at " + file);
    }
}
