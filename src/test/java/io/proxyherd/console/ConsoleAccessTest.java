package io.proxyherd.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.console.ConsoleAccess.Decision;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleAccessTest {

    private static final ConsoleAccess LOGIN =
            ConsoleAccess.of(Optional.of("admin"), Optional.of("s3cret:with:colons"));
    private static final ConsoleAccess NO_LOGIN = ConsoleAccess.of(Optional.empty(), Optional.empty());

    @Test
    void withALoginTheRightCredentialsPassFromAnywhere() {
        assertThat(LOGIN.decide("203.0.113.7", basic("admin:s3cret:with:colons")))
                .isEqualTo(Decision.ALLOW);
        assertThat(LOGIN.decide("127.0.0.1", basic("admin:s3cret:with:colons"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void withALoginAnythingElseIsChallengedEvenFromLoopback() {
        assertThat(LOGIN.decide("127.0.0.1", null)).isEqualTo(Decision.CHALLENGE);
        assertThat(LOGIN.decide("203.0.113.7", basic("admin:wrong"))).isEqualTo(Decision.CHALLENGE);
        assertThat(LOGIN.decide("203.0.113.7", basic("Admin:s3cret:with:colons")))
                .isEqualTo(Decision.CHALLENGE);
        assertThat(LOGIN.decide("203.0.113.7", "Basic not-base64!")).isEqualTo(Decision.CHALLENGE);
        assertThat(LOGIN.decide("203.0.113.7", "Bearer abc")).isEqualTo(Decision.CHALLENGE);
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(LOGIN.decide("203.0.113.7", basic("admin:s3cret:with:colons").replace("Basic", "basic")))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void withoutALoginOnlyLoopbackIsServed() {
        assertThat(NO_LOGIN.decide("127.0.0.1", null)).isEqualTo(Decision.ALLOW);
        assertThat(NO_LOGIN.decide("127.8.9.10", null)).isEqualTo(Decision.ALLOW);
        assertThat(NO_LOGIN.decide("0:0:0:0:0:0:0:1", null)).isEqualTo(Decision.ALLOW);
        assertThat(NO_LOGIN.decide("::1", null)).isEqualTo(Decision.ALLOW);
        assertThat(NO_LOGIN.decide("192.168.1.20", null)).isEqualTo(Decision.FORBID);
        assertThat(NO_LOGIN.decide("10.0.0.1", basic("any:thing"))).isEqualTo(Decision.FORBID);
        assertThat(NO_LOGIN.decide("fe80::1", null)).isEqualTo(Decision.FORBID);
    }

    @Test
    void aRemoteAddressThatIsNotALiteralIsNeverLookedUpNorTrusted() {
        assertThat(ConsoleAccess.isLoopback("localhost")).isFalse();
        assertThat(ConsoleAccess.isLoopback("")).isFalse();
        assertThat(ConsoleAccess.isLoopback(null)).isFalse();
    }

    @Test
    void halfALoginIsNoLoginAndIsReported() {
        ConsoleAccess userOnly = ConsoleAccess.of(Optional.of("admin"), Optional.empty());
        ConsoleAccess passwordOnly = ConsoleAccess.of(Optional.empty(), Optional.of("pw"));

        assertThat(userOnly.loginRequired()).isFalse();
        assertThat(userOnly.decide("198.51.100.1", basic("admin:"))).isEqualTo(Decision.FORBID);
        assertThat(passwordOnly.decide("127.0.0.1", null)).isEqualTo(Decision.ALLOW);
        assertThat(ConsoleAccess.halfConfigured(Optional.of("admin"), Optional.empty()))
                .isTrue();
        assertThat(ConsoleAccess.halfConfigured(Optional.of("admin"), Optional.of("")))
                .isTrue();
        assertThat(ConsoleAccess.halfConfigured(Optional.empty(), Optional.empty()))
                .isFalse();
        assertThat(ConsoleAccess.halfConfigured(Optional.of("a"), Optional.of("b")))
                .isFalse();
    }

    @Test
    void peersAreAskedWithTheSharedLogin() {
        assertThat(LOGIN.authorization()).hasValue(basic("admin:s3cret:with:colons"));
        assertThat(NO_LOGIN.authorization()).isEmpty();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
