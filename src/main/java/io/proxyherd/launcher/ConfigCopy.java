package io.proxyherd.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.function.BinaryOperator;

/**
 * A herd configuration copied into another folder with some of its settings changed, and its
 * logging.properties beside it, as {@link HerdFiles#withConfig} expects: a node told another broker, the
 * class-data warm-up on free ports, the benchmark's herd on ports of its own.
 */
public final class ConfigCopy {

    private ConfigCopy() {}

    /**
     * Writes {@code folder/herd.properties}: every setting of {@code config} as {@code change} gives it back
     * for its key and value. Returns the copy.
     */
    public static Path write(Path config, Path folder, String comment, BinaryOperator<String> change)
            throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            properties.setProperty(key, change.apply(key, properties.getProperty(key)));
        }
        Files.createDirectories(folder);
        Path copy = folder.resolve("herd.properties");
        try (Writer writer = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            properties.store(writer, comment);
        }
        Files.copy(
                config.resolveSibling("logging.properties"),
                folder.resolve("logging.properties"),
                StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** True for the settings that hold a port: the broker's and each node's client and HTTP port. */
    public static boolean isPort(String key) {
        return key.endsWith("-port") || key.endsWith(".port");
    }
}
