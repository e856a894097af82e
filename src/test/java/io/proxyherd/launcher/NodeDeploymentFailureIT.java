package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node whose application cannot deploy (here a setting it cannot read as a number) does not stay up as a Payara
 * instance without the application: the launcher ends it and reports why, on one line.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NodeDeploymentFailureIT {

    @Test
    void aNodeWhoseApplicationDoesNotDeployStopsWithTheReasonOnOneLine() throws Exception {
        Path config = Path.of(NodeDeploymentFailureIT.class
                .getResource("/deploy-failure/herd.properties")
                .toURI());
        Path state = Path.of("target", "deploy-failure-it");
        HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withConfig(config)
                .withState(state.resolve("data"), state.resolve("logs"));

        NodeFailedException failure = catchThrowableOfType(
                () -> LocalHerd.start(
                        files, Map.of("HERD_FLOOD_BATCH_MAX_UPDATES", "many"), Duration.ofMinutes(4), node -> {}),
                NodeFailedException.class);

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage())
                .doesNotContain("\n")
                .matches(
                        "Solo stopped: herd did not deploy: .*herd\\.flood\\.batch-max-updates.* \\(see .*Solo\\.log\\)");
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .filter(process ->
                                process.info().commandLine().orElse("").contains("--name Solo")))
                .isEmpty();
    }
}
