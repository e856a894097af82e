package io.proxyherd.cli;

import static io.proxyherd.support.HerdClients.awaitKnown;
import static io.proxyherd.support.HerdClients.iamat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code herd up --restart} with two nodes (restart/herd.properties: ports 17100+, broker 63617): a node killed -9 comes back. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RestartOnDeathCliIT {

    private static final Pattern SUMMARY = Pattern.compile("Herd up in (\\d+\\.\\d) s: .*");
    private static final Path STATE = Path.of("target", "restart-it").toAbsolutePath();
    private static final String DATA = STATE.resolve("data").toString();

    private static String config;
    private static CliProcess up;

    @BeforeAll
    static void startHerd() throws Exception {
        config = Path.of(RestartOnDeathCliIT.class.getResource("/restart/herd.properties").toURI()).toString();
        up = CliProcess.start(environment -> {
            environment.remove("PLACES_API_KEY");
            environment.put("PLACES_PROVIDER", "auto");
        }, "--config", config, "up", "--restart", "--data", DATA, "--logs", STATE.resolve("logs").toString());
        up.awaitOut(SUMMARY, Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopHerd() throws Exception {
        if (up != null) {
            up.process().toHandle().destroy();
            up.awaitExit(Duration.ofMinutes(2));
            up.close();
        }
    }

    @Test
    void aNodeThatDiesIsStartedAgainAndLearnsTheHerdsClients() throws Exception {
        String before = iamat(17100, "Goloman", "before-hands-dies");
        awaitKnown(17101, "before-hands-dies", before, Duration.ofSeconds(60));
        ProcessHandle hands = nodeProcess("Hands");

        hands.destroyForcibly();

        up.awaitErr(Pattern.compile("Hands stopped unexpectedly \\(exit code 137\\); see .*Hands\\.log; starting it again in 1 s"),
                Duration.ofSeconds(30));
        String whileDown = iamat(17100, "Goloman", "while-hands-restarts");
        up.awaitOut(Pattern.compile("Hands starting again \\(--restart\\)"), Duration.ofSeconds(30));
        up.awaitOut(Pattern.compile("  Hands +ready again   client port 17101   after \\d+\\.\\d s"), Duration.ofMinutes(4));
        assertThat(nodeProcess("Hands").pid()).isNotEqualTo(hands.pid());
        awaitKnown(17101, "while-hands-restarts", whileDown, Duration.ofSeconds(60));
        awaitKnown(17101, "before-hands-dies", before, Duration.ofSeconds(60));
        CliRun status = CliRun.of("--config", config, "status", "--data", DATA);
        assertThat(status.out().lines().skip(1).map(line -> line.split(" +")[1])).containsExactly("up", "up");
    }

    private static ProcessHandle nodeProcess(String node) {
        List<ProcessHandle> found = up.process().descendants().filter(ProcessHandle::isAlive).filter(process -> process.info().arguments()
                .map(List::of)
                .filter(arguments -> arguments.indexOf("--name") >= 0 && node.equals(arguments.get(arguments.indexOf("--name") + 1)))
                .isPresent()).toList();
        assertThat(found).as("the process of " + node).hasSize(1);
        return found.get(0);
    }
}
