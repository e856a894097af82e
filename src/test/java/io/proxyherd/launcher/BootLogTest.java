package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.launcher.BootLog.Booting;
import io.proxyherd.launcher.BootLog.Deployed;
import io.proxyherd.launcher.BootLog.NotDeployed;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootLogTest {

    @Test
    void aBootThatListsTheApplicationDeployedIt() throws Exception {
        assertThat(BootLog.outcome(fixture("boot-deployed.log"), "herd")).isEqualTo(new Deployed());
    }

    @Test
    void aBootThatDoesNotListItSaysWhyInOneLine() throws Exception {
        assertThat(BootLog.outcome(fixture("boot-deployment-failed.log"), "herd")).isEqualTo(new NotDeployed(
                "herd did not deploy: Deployment Failure for ConfigProperty herd.node in class "
                        + "io.proxyherd.herd.HerdConfiguration Reason No value present"));
    }

    @Test
    void untilPayaraSaysReadyTheBootIsNotOver() throws Exception {
        List<String> lines = fixture("boot-deployment-failed.log");
        List<String> beforeReady = lines.subList(0, lines.indexOf(lines.stream().filter(line -> line.contains("ready in")).findFirst().orElseThrow()));

        assertThat(BootLog.outcome(beforeReady, "herd")).isEqualTo(new Booting());
    }

    @Test
    void anotherApplicationsNameDoesNotCount() throws Exception {
        assertThat(BootLog.outcome(fixture("boot-deployed.log"), "herd-console")).isInstanceOf(NotDeployed.class);
    }

    @Test
    void withoutAnExceptionTheReasonSaysSo() throws Exception {
        List<String> lines = fixture("boot-deployed.log").stream().filter(line -> !line.contains("\"herd\"")).toList();

        assertThat(BootLog.outcome(lines, "herd")).isEqualTo(new NotDeployed("herd did not deploy: Payara logged no reason"));
    }

    @Test
    void onlyTheBootAfterTheStartIsRead(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("Welsh.log");
        Files.write(log, fixture("boot-deployed.log"));
        BootLog boot = BootLog.startingAt(log);

        assertThat(boot.outcome("herd")).isEqualTo(new Booting());
        Files.write(log, fixture("boot-deployment-failed.log"), java.nio.file.StandardOpenOption.APPEND);
        assertThat(boot.outcome("herd")).isInstanceOf(NotDeployed.class);
    }

    @Test
    void aLogNotWrittenYetIsABootNotOver(@TempDir Path folder) throws Exception {
        assertThat(BootLog.startingAt(folder.resolve("none.log")).outcome("herd")).isEqualTo(new Booting());
    }

    private static List<String> fixture(String name) throws IOException, URISyntaxException {
        return Files.readAllLines(Path.of(BootLogTest.class.getResource("/launcher/" + name).toURI()));
    }
}
