package io.proxyherd.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The console's login from configuration (HERD_CONSOLE_USER, HERD_CONSOLE_PASSWORD), read once at start. */
@ApplicationScoped
public class ConsoleLogin {

    private static final Logger LOG = Logger.getLogger(ConsoleLogin.class.getName());

    @Inject
    @ConfigProperty(name = "herd.console.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "herd.console.password")
    Optional<String> password;

    private ConsoleAccess access;

    @PostConstruct
    void read() {
        access = ConsoleAccess.of(user, password);
        if (ConsoleAccess.halfConfigured(user, password)) {
            LOG.warning("only one of HERD_CONSOLE_USER and HERD_CONSOLE_PASSWORD is set: the console and its API "
                    + "answer loopback requests only");
        } else {
            LOG.info(
                    access.loginRequired()
                            ? "the console and its API need the configured login"
                            : "no console login configured: the console and its API answer loopback requests only");
        }
    }

    void started(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        access();
    }

    public ConsoleAccess access() {
        return access;
    }
}
