package io.proxyherd.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The local broker's accounts: one per node, named as the node, which may send only to its neighbours' queues and
 * read only its own, and {@value #MONITOR}, which may only read the queues' counts ({@code herd status}). Their
 * passwords are random, made on first use and kept in the data folder's {@value #FILE}, which only its owner may
 * read (a node's queue and journal outlive one run of the herd, and so do its credentials). Never logged: this
 * class's {@link #toString()} names the accounts only.
 */
public final class BrokerAccounts {

    public static final String MONITOR = "herd-monitor";
    /**
     * Not a node's login: the brokers' own secret, which a primary and its backup know each other by (herd up --ha).
     * Artemis lets whoever has it do anything, so no node is given it.
     */
    public static final String CLUSTER = "herd-cluster";

    public static final String FILE = "broker-accounts.properties";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    // Sorted by account, so that what names them reads the same every time.
    private final SortedMap<String, String> passwords;

    private BrokerAccounts(Map<String, String> passwords) {
        this.passwords = Collections.unmodifiableSortedMap(new TreeMap<>(passwords));
    }

    /** Accounts with the given passwords, kept nowhere (the in-container tests give their node a known one). */
    public static BrokerAccounts of(Map<String, String> passwords) {
        return new BrokerAccounts(passwords);
    }

    /**
     * The accounts of the data folder, with one for every node named and the monitor; those missing are made and the
     * file written again, readable by its owner only.
     */
    public static BrokerAccounts inFolder(Path data, Collection<String> nodes) throws IOException {
        Path file = data.resolve(FILE);
        Map<String, String> passwords = new HashMap<>();
        read(file).ifPresent(accounts -> passwords.putAll(accounts.passwords));
        boolean added = false;
        for (String user : users(nodes)) {
            if (!passwords.containsKey(user)) {
                passwords.put(user, newPassword());
                added = true;
            }
        }
        if (added) {
            write(file, passwords);
        }
        return new BrokerAccounts(passwords);
    }

    /** The accounts a data folder holds, if it has the file ({@code herd node}, {@code herd status}). */
    public static Optional<BrokerAccounts> inFolder(Path data) throws IOException {
        return read(data.resolve(FILE));
    }

    private static List<String> users(Collection<String> nodes) {
        List<String> users = new ArrayList<>(nodes);
        users.add(MONITOR);
        users.add(CLUSTER);
        return users;
    }

    public Set<String> users() {
        return passwords.keySet();
    }

    /** The account's password; fails for an account this folder does not have. */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException(
                    "no broker account " + user + " in " + FILE + "; it has " + passwords.keySet());
        }
        return password;
    }

    /** What a node's process needs to log in as itself: its resource adapter and broker watch read these. */
    public Map<String, String> environmentOf(String user) {
        return Map.of("HERD_BROKER_USER", user, "HERD_BROKER_PASSWORD", password(user));
    }

    private static Optional<BrokerAccounts> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ownerOnly(file);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> passwords = new HashMap<>();
        properties.stringPropertyNames().forEach(user -> passwords.put(user, properties.getProperty(user)));
        return Optional.of(new BrokerAccounts(passwords));
    }

    private static void write(Path file, Map<String, String> passwords) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path next = file.resolveSibling(FILE + ".next");
        Files.deleteIfExists(next);
        if (posix()) {
            Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Properties properties = new Properties();
        properties.putAll(passwords);
        try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            properties.store(
                    out,
                    "The local broker's accounts (io.proxyherd.launcher.BrokerAccounts); keep this file to yourself");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A file made wider by hand (a copy, an editor) is narrowed again before its secrets are read. */
    private static void ownerOnly(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "broker accounts " + passwords.keySet();
    }
}
