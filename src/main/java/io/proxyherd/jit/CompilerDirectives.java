package io.proxyherd.jit;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The running JVM's compiler directives (JEP 165), through its diagnostic commands: what {@code jcmd PID
 * Compiler.directives_add FILE} does, from inside.
 */
public final class CompilerDirectives {

    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";

    private CompilerDirectives() {}

    /**
     * Puts the directives of {@code file} on top of the JVM's: for each method, the first that matches it wins.
     *
     * @throws IllegalArgumentException if the file is missing or the JVM refuses it (its message says why)
     */
    public static void add(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no compiler directives file at " + file);
        }
        String answer = run("compilerDirectivesAdd", file.toAbsolutePath().toString());
        // The JVM answers "N compiler directives added", or says what is wrong with the file.
        if (!answer.contains("directives added") || answer.startsWith("0 ")) {
            throw new IllegalArgumentException(
                    "the JVM did not take the compiler directives of " + file + ": " + answer.strip());
        }
    }

    /** The directives in force, as {@code jcmd PID Compiler.directives_print} prints them. */
    public static String inForce() {
        return run("compilerDirectivesPrint");
    }

    private static String run(String command, String... arguments) {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(new ObjectName(DIAGNOSTIC_COMMANDS), command, new Object[] {arguments}, new String[] {
                        String[].class.getName()
                    });
        } catch (JMException e) {
            throw new IllegalArgumentException("the JVM's diagnostic command " + command + " failed: " + e, e);
        }
    }
}
