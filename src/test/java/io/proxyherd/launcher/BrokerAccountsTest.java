package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerAccountsTest {

    @TempDir
    Path data;

    @Test
    void theFirstUseMakesAnOwnerOnlyFileWithARandomPasswordForEachNodeTheMonitorAndTheBrokerPair() throws IOException {
        BrokerAccounts accounts = BrokerAccounts.inFolder(data, List.of("Welsh", "Holiday"));

        Path file = data.resolve(BrokerAccounts.FILE);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(accounts.users())
                .containsExactlyInAnyOrder("Welsh", "Holiday", BrokerAccounts.MONITOR, BrokerAccounts.CLUSTER);
        assertThat(accounts.password("Welsh"))
                .hasSizeGreaterThanOrEqualTo(24)
                .isNotEqualTo(accounts.password("Holiday"));
        assertThat(data)
                .isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".next"));
    }

    @Test
    void laterUsesKeepThePasswordsAndAddANewNodesAccount() throws IOException {
        BrokerAccounts first = BrokerAccounts.inFolder(data, List.of("Welsh"));

        BrokerAccounts again = BrokerAccounts.inFolder(data, List.of("Welsh", "Newcomer"));

        assertThat(again.password("Welsh")).isEqualTo(first.password("Welsh"));
        assertThat(again.password(BrokerAccounts.MONITOR)).isEqualTo(first.password(BrokerAccounts.MONITOR));
        assertThat(again.password("Newcomer")).isNotBlank();
        assertThat(BrokerAccounts.inFolder(data).orElseThrow().password("Newcomer"))
                .isEqualTo(again.password("Newcomer"));
    }

    @Test
    void aFileWidenedByHandIsNarrowedBeforeItIsRead() throws IOException {
        BrokerAccounts.inFolder(data, List.of("Welsh"));
        Path file = data.resolve(BrokerAccounts.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        BrokerAccounts.inFolder(data);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aFolderWithoutTheFileHasNoAccounts() throws IOException {
        assertThat(BrokerAccounts.inFolder(data)).isEmpty();
    }

    @Test
    void aNodeLogsInAsItselfThroughTheEnvironmentAndNoPasswordIsEverPrinted() {
        BrokerAccounts accounts =
                BrokerAccounts.of(Map.of("Welsh", "secret-welsh", BrokerAccounts.MONITOR, "secret-monitor"));

        assertThat(accounts.environmentOf("Welsh"))
                .isEqualTo(Map.of("HERD_BROKER_USER", "Welsh", "HERD_BROKER_PASSWORD", "secret-welsh"));
        assertThat(accounts.toString()).contains("Welsh").doesNotContain("secret");
        assertThatThrownBy(() -> accounts.password("Goloman"))
                .hasMessageContaining("no broker account Goloman")
                .hasMessageNotContaining("secret");
    }
}
