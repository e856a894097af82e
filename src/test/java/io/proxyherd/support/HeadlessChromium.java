package io.proxyherd.support;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver. Both are installed with apt-get when missing
 * and the test runs as root, as CI does; a test that cannot have them is skipped, saying how to install them.
 */
public final class HeadlessChromium {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get install chromium chromium-driver";

    private HeadlessChromium() {}

    /** A fresh browser with an empty profile whose page area is {@code width} x {@code height}; the caller quits it. */
    public static ChromeDriver open(int width, int height, Path profile) {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--no-first-run",
                "--hide-scrollbars",
                // This machine's network is closed: without these Chromium keeps trying to reach Google.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic");
        // Naming the driver keeps Selenium Manager from looking for (and downloading) one of its own.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        // --window-size is the whole window; the page gets it less the (invisible) browser frame.
        Number frame = (Number) browser.executeScript("return window.outerHeight - window.innerHeight;");
        browser.manage().window().setSize(new Dimension(width, height + frame.intValue()));
        return browser;
    }

    /** Saves what the window shows as a PNG, creating the folder. */
    public static Path screenshot(ChromeDriver browser, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        File taken = browser.getScreenshotAs(OutputType.FILE);
        return Files.move(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void ensureInstalled() {
        if (installed()) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            abort("Chromium and ChromeDriver are not installed and this test cannot install them (needs root and "
                    + "apt-get); run `" + INSTALL + "` to run it");
        }
        try {
            Process install = new ProcessBuilder(
                            "sh",
                            "-c",
                            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver")
                    .inheritIO()
                    .start();
            if (!install.waitFor(15, TimeUnit.MINUTES)) {
                install.destroyForcibly();
            }
        } catch (IOException e) {
            abort("Installing Chromium failed (" + e.getMessage() + "); run `" + INSTALL + "` to run this test");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort("Interrupted while installing Chromium");
        }
        if (!installed()) {
            abort("`" + INSTALL + "` did not install " + BROWSER + " and " + DRIVER + "; see its output above");
        }
    }

    private static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }
}
