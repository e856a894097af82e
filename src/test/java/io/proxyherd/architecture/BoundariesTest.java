package io.proxyherd.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries each package's package-info states, on the compiled main classes: the node (the WAR) never reaches
 * the launcher, the command line or the broker server; the protocol, the flood rules and the topology use no container
 * API; and no two packages depend on each other.
 */
class BoundariesTest {

    private static final String[] LOCAL_TOOLS = {"io.proxyherd.launcher..", "io.proxyherd.cli.."};
    private static final String[] CONTAINER_APIS = {
        "jakarta..",
        "org.eclipse.microprofile..",
        "io.netty..",
        "org.apache.activemq..",
        "org.glassfish..",
        "fish.payara.."
    };

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.proxyherd");
    }

    @Test
    void nodeCodeNeverReachesTheLauncherTheCommandLineOrTheBrokerServer() {
        noClasses()
                .that()
                .resideOutsideOfPackages(LOCAL_TOOLS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.proxyherd.launcher..",
                        "io.proxyherd.cli..",
                        "picocli..",
                        "org.jline..",
                        "org.apache.activemq.artemis.core.server..",
                        "org.apache.activemq.artemis.core.config..",
                        "org.apache.activemq.artemis.spi.core.security..")
                .because("the launcher and the command line run outside the node, and the WAR carries neither")
                .check(main);
    }

    @Test
    void theProtocolTheFloodRulesTheTopologyAndTheHealthCheckNamesUseNoContainerApi() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.proxyherd.protocol..",
                        "io.proxyherd.flood..",
                        "io.proxyherd.topology..",
                        "io.proxyherd.health..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CONTAINER_APIS)
                .because("their rules are plain Java that unit tests reach without a container")
                .check(main);
    }

    @Test
    void theLauncherAndTheCommandLineUseNoNodeInternals() {
        noClasses()
                .that()
                .resideInAnyPackage(LOCAL_TOOLS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.proxyherd.herd..",
                        "io.proxyherd.listener..",
                        "io.proxyherd.console..",
                        "io.proxyherd.places..",
                        "io.proxyherd.logging..",
                        "io.proxyherd.activity..")
                .because("they reach a node through its ports, its files and the broker, not its classes")
                .check(main);
    }

    @Test
    void everyPackageSaysWhatItIsForAndWhatItMayDependOn() throws IOException {
        try (Stream<Path> folders = Files.walk(Path.of("src/main/java/io/proxyherd"))) {
            List<Path> packages = folders.filter(Files::isDirectory)
                    .filter(BoundariesTest::hasJavaFiles)
                    .toList();
            assertThat(packages)
                    .isNotEmpty()
                    .allSatisfy(folder -> assertThat(folder.resolve("package-info.java"))
                            .content()
                            .contains("May depend on"));
        }
    }

    private static boolean hasJavaFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("io.proxyherd.(*)..").should().beFreeOfCycles().check(main);
    }
}
