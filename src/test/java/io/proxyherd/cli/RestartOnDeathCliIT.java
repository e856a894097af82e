package io.proxyherd.cli;

import static io.proxyherd.support.HerdClients.awaitKnown;
import static io.proxyherd.support.HerdClients.iamat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code herd up --restart} with two nodes (restart/herd.properties: ports 17100+, broker 63617): a node killed -9 comes back. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RestartOnDeathCliIT {

    private static final Path STATE = Path.of("target", "restart-it").toAbsolutePath();
    private static final String DATA = STATE.resolve("data").toString();

    private static String config;
    private static CliProcess up;

    @BeforeAll
    static void startHerd() throws Exception {
        config = Path.of(RestartOnDeathCliIT.class
                        .getResource("/restart/herd.properties")
                        .toURI())
                .toString();
        up = CliProcess.herdUp(config, STATE, Duration.ofMinutes(4), "--restart");
    }

    @AfterAll
    static void stopHerd() throws Exception {
        if (up != null) {
            up.stopHerd();
        }
    }

    @Test
    void aNodeThatDiesIsStartedAgainAndLearnsTheHerdsClients() throws Exception {
        String before = iamat(17100, "Goloman", "before-hands-dies");
        awaitKnown(17101, "before-hands-dies", before, Duration.ofSeconds(60));
        ProcessHandle hands = up.nodeProcess("Hands");

        hands.destroyForcibly();

        up.awaitErr(
                Pattern.compile(
                        "Hands stopped unexpectedly \\(exit code 137\\); see .*Hands\\.log; starting it again in 1 s"),
                Duration.ofSeconds(30));
        String whileDown = iamat(17100, "Goloman", "while-hands-restarts");
        up.awaitOut(Pattern.compile("Hands starting again \\(--restart\\)"), Duration.ofSeconds(30));
        up.awaitOut(
                Pattern.compile("  Hands +ready again   client port 17101   after \\d+\\.\\d s"),
                Duration.ofMinutes(4));
        assertThat(up.nodeProcess("Hands").pid()).isNotEqualTo(hands.pid());
        awaitKnown(17101, "while-hands-restarts", whileDown, Duration.ofSeconds(60));
        awaitKnown(17101, "before-hands-dies", before, Duration.ofSeconds(60));
        CliRun status = CliRun.of("--config", config, "status", "--data", DATA);
        assertThat(status.out().lines().skip(1).map(line -> line.split(" +")[1]))
                .containsExactly("up", "up");
    }
}
