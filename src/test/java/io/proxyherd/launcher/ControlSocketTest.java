package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.launcher.ControlClient.NoHerdException;
import io.proxyherd.launcher.ControlClient.Reply;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket and its client over a real Unix-domain socket, with the herd played by a handler. */
class ControlSocketTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private final List<ControlRequest> received = new CopyOnWriteArrayList<>();
    private ControlSocket socket;

    @AfterEach
    void close() {
        if (socket != null) {
            socket.close();
        }
    }

    private void open() throws Exception {
        socket = ControlSocket.open(data, request -> {
            received.add(request);
            return switch (request.verb()) {
                case STATUS -> "Goloman=running Welsh=stopped";
                case STOP -> request.node() + " stopped";
                default ->
                    throw new IllegalStateException(request.node() + " is already running\nsecond line not sent");
            };
        });
    }

    @Test
    void aRequestIsHandledAndItsAnswerComesBackAsOk() throws Exception {
        open();

        Reply reply = new ControlClient(data).send("stop", "Welsh", TIMEOUT);

        assertThat(reply).isEqualTo(new Reply(true, "Welsh stopped"));
        assertThat(received).containsExactly(new ControlRequest(ControlRequest.Verb.STOP, "Welsh"));
    }

    @Test
    void aRefusalComesBackAsOneErrorLine() throws Exception {
        open();

        assertThat(new ControlClient(data).send("start", "Welsh", TIMEOUT))
                .isEqualTo(new Reply(false, "Welsh is already running"));
    }

    @Test
    void statesAreReadFromTheStatusReply() throws Exception {
        open();

        assertThat(new ControlClient(data).states(TIMEOUT))
                .contains(Map.of("Goloman", NodeState.RUNNING, "Welsh", NodeState.STOPPED));
    }

    @Test
    void anUnknownRequestIsRefusedWithoutReachingTheHerd() throws Exception {
        open();

        assertThat(new ControlClient(data).send("pause", "Welsh", TIMEOUT))
                .isEqualTo(new Reply(
                        false, "unknown request 'pause'; expected one of stop, kill, start, restart, status"));
        assertThat(received).isEmpty();
    }

    @Test
    void anOverlongLineIsRefusedAndTheSocketServesOn() throws Exception {
        open();

        assertThat(exchange("stop " + "W".repeat(1_000) + "\n"))
                .isEqualTo("error request longer than 256 characters\n");
        assertThat(new ControlClient(data).send("stop", "Welsh", TIMEOUT).ok()).isTrue();
    }

    @Test
    void onlyTheOwnerMayOpenTheDataFolder() throws Exception {
        open();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(socket.path()).isEqualTo(data.resolve("herd.sock"));
    }

    @Test
    void withoutAHerdTheClientSaysSoAndStatesAreEmpty() throws Exception {
        assertThatThrownBy(() -> new ControlClient(data).send("stop", "Welsh", TIMEOUT))
                .isInstanceOf(NoHerdException.class)
                .hasMessage("no herd is running with the data folder " + data.toAbsolutePath() + " (no control socket "
                        + data.toAbsolutePath().resolve("herd.sock") + "); ./herd up starts one");
        assertThat(new ControlClient(data).states(TIMEOUT)).isEmpty();
    }

    @Test
    void aSocketLeftByAHerdThatDiedIsReplaced() throws Exception {
        Files.createFile(data.resolve("herd.sock"));

        open();

        assertThat(new ControlClient(data).send("stop", "Welsh", TIMEOUT).ok()).isTrue();
    }

    @Test
    void aSecondHerdOnTheSameDataFolderIsRefused() throws Exception {
        open();

        assertThatThrownBy(() -> ControlSocket.open(data, request -> "never"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a herd already runs with the data folder " + data);
    }

    @Test
    void closingRemovesTheSocketFile() throws Exception {
        open();

        socket.close();

        assertThat(data.resolve("herd.sock")).doesNotExist();
        socket = null;
    }

    /** Sends raw text and reads the reply to its end. */
    private String exchange(String text) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(data.resolve("herd.sock")));
            channel.write(StandardCharsets.UTF_8.encode(text));
            ByteBuffer reply = ByteBuffer.allocate(1_024);
            while (channel.read(reply) >= 0) {
                // until the socket closes the connection
            }
            return new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8);
        }
    }
}
