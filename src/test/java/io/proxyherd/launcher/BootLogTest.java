package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.launcher.BootLog.Booting;
import io.proxyherd.launcher.BootLog.Deployed;
import io.proxyherd.launcher.BootLog.NotDeployed;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
        assertThat(BootLog.outcome(fixture("boot-deployment-failed.log"), "herd"))
                .isEqualTo(
                        new NotDeployed("herd did not deploy: Deployment Failure for ConfigProperty herd.node in class "
                                + "io.proxyherd.herd.HerdConfiguration Reason No value present"));
    }

    @Test
    void anExceptionBeforeTheFirstErrorIsNotTheReason() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "2026-12-02T05:40:50.000+0000 WARNING [javax.enterprise.system.security.ssl] A certificate has expired",
                "java.security.cert.CertificateExpiredException: NotAfter: Sat Jan 01 00:00:00 UTC 2022",
                "\tat java.base/sun.security.x509.CertificateValidity.valid(CertificateValidity.java:277)"));
        lines.addAll(fixture("boot-deployment-failed.log"));

        assertThat(BootLog.outcome(lines, "herd"))
                .isEqualTo(
                        new NotDeployed("herd did not deploy: Deployment Failure for ConfigProperty herd.node in class "
                                + "io.proxyherd.herd.HerdConfiguration Reason No value present"));
    }

    @Test
    void untilPayaraSaysReadyTheBootIsNotOver() throws Exception {
        List<String> lines = fixture("boot-deployment-failed.log");
        List<String> beforeReady = lines.subList(
                0,
                lines.indexOf(lines.stream()
                        .filter(line -> line.contains("ready in"))
                        .findFirst()
                        .orElseThrow()));

        assertThat(BootLog.outcome(beforeReady, "herd")).isEqualTo(new Booting());
    }

    @Test
    void anotherApplicationsNameDoesNotCount() throws Exception {
        assertThat(BootLog.outcome(fixture("boot-deployed.log"), "herd-console"))
                .isInstanceOf(NotDeployed.class);
    }

    @Test
    void withoutAnExceptionTheReasonSaysSo() throws Exception {
        List<String> lines = fixture("boot-deployed.log").stream()
                .filter(line -> !line.contains("\"herd\""))
                .toList();

        assertThat(BootLog.outcome(lines, "herd"))
                .isEqualTo(new NotDeployed("herd did not deploy: Payara logged no reason"));
    }

    @Test
    void onlyTheBootAfterTheStartIsRead(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("Welsh.log");
        Files.write(log, fixture("boot-deployed.log"));
        BootLog boot = BootLog.startingAt(log, "herd");

        assertThat(boot.outcome()).isEqualTo(new Booting());
        Files.write(log, fixture("boot-deployment-failed.log"), StandardOpenOption.APPEND);
        assertThat(boot.outcome()).isInstanceOf(NotDeployed.class);
    }

    @Test
    void aLogNotWrittenYetIsABootNotOver(@TempDir Path folder) throws Exception {
        assertThat(BootLog.startingAt(folder.resolve("none.log"), "herd").outcome())
                .isEqualTo(new Booting());
    }

    @Test
    void aBootWrittenInPiecesIsReadInPiecesHalfLinesIncluded(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("Welsh.log");
        BootLog boot = BootLog.startingAt(log, "herd");
        String text = String.join("\n", fixture("boot-deployed.log")) + "\n";
        int ready = text.indexOf("ready in");

        Files.writeString(log, text.substring(0, ready));
        assertThat(boot.outcome()).isEqualTo(new Booting());
        Files.writeString(log, text.substring(ready), StandardOpenOption.APPEND);
        assertThat(boot.outcome()).isEqualTo(new Deployed());
    }

    private static List<String> fixture(String name) throws IOException, URISyntaxException {
        return Files.readAllLines(
                Path.of(BootLogTest.class.getResource("/launcher/" + name).toURI()));
    }
}
