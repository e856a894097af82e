package io.proxyherd.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may see the console and its API: with a login configured, whoever sends it (HTTP Basic);
 * without one, only requests from this machine. A user without a password, or the reverse, counts
 * as no login.
 */
public final class ConsoleAccess {

    static final String REALM = "Basic realm=\"Proxy Herd\"";
    static final String LOOPBACK_ONLY =
            "The Proxy Herd console answers only on this machine (loopback) until a login is "
                    + "configured: set HERD_CONSOLE_USER and HERD_CONSOLE_PASSWORD on every node.\n";

    private final byte[] expected;

    /** What to do with one request. */
    public enum Decision {
        ALLOW,
        /** 401 with a Basic challenge. */
        CHALLENGE,
        /** 403: not loopback, and no login is configured. */
        FORBID
    }

    private ConsoleAccess(byte[] expected) {
        this.expected = expected;
    }

    public static ConsoleAccess of(Optional<String> user, Optional<String> password) {
        if (present(user) && present(password)) {
            return new ConsoleAccess((user.get() + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
        }
        return new ConsoleAccess(null);
    }

    /** True if only one of user and password is set: the console then answers loopback only. */
    public static boolean halfConfigured(Optional<String> user, Optional<String> password) {
        return present(user) != present(password);
    }

    public boolean loginRequired() {
        return expected != null;
    }

    public Decision decide(String remoteAddress, String authorization) {
        if (expected == null) {
            return isLoopback(remoteAddress) ? Decision.ALLOW : Decision.FORBID;
        }
        return matches(authorization) ? Decision.ALLOW : Decision.CHALLENGE;
    }

    /** The Authorization header this node sends to its peers, which share the login. */
    public Optional<String> authorization() {
        return expected == null
                ? Optional.empty()
                : Optional.of("Basic " + Base64.getEncoder().encodeToString(expected));
    }

    private boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Compares every byte whatever differs first, so timing says nothing about the password.
        return MessageDigest.isEqual(given, expected);
    }

    static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank() || !remoteAddress.matches("[0-9a-fA-F:.%\\[\\]]+")) {
            return false;
        }
        try {
            // An address literal: no name lookup happens.
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean present(Optional<String> value) {
        return value != null && value.filter(text -> !text.isEmpty()).isPresent();
    }
}
