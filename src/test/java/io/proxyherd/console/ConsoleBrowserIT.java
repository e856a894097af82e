package io.proxyherd.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.support.ConsoleHerd;
import io.proxyherd.support.HeadlessChromium;
import io.proxyherd.support.LineConnection;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium against the shared console herd (ConsoleHerd), opened at Goloman with the
 * herd's login as a user would type it (user:password@ in the address). Screenshots go to target/console-screenshots.
 * The last test stops Holiday and starts it again before it ends, so later console tests find the whole herd.
 */
@ExtendWith(ConsoleHerd.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String PAGE_NODE = "Goloman";
    private static final String STOPPED = "Holiday";
    private static final int WALK_STEPS = 8;
    private static final List<String> LINKS = List.of(
            "Goloman-Hands", "Goloman-Holiday", "Goloman-Wilkes", "Hands-Wilkes", "Holiday-Welsh", "Holiday-Wilkes");

    private static ConsoleHerd.Running herd;
    private static ChromeDriver browser;

    @BeforeAll
    static void openTheConsole(ConsoleHerd.Running running, @TempDir Path profile) {
        herd = running;
        browser = HeadlessChromium.open(1280, 900, profile);
        browser.get(consoleAt(PAGE_NODE));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void showsFiveNodesAndSixLinksAllHealthy() throws IOException {
        // A node is ok once the broker counts its queue's consumer, which can follow its readiness by a moment.
        waitUpTo(
                Duration.ofSeconds(90),
                "every node and link ok",
                driver -> healthOf("svg#topology g.node", "data-node").values().stream()
                                .allMatch("ok"::equals)
                        && links().size() == LINKS.size()
                        && links().values().stream().allMatch("ok"::equals));

        assertThat(healthOf("svg#topology g.node", "data-node")).containsOnlyKeys(herd.nodeNames());
        assertThat(links()).containsOnlyKeys(LINKS);
        assertThat(healthOf("table#nodes tbody tr[data-node]", "data-node").keySet())
                .containsExactlyElementsOf(herd.nodeNames());
        assertThat(text("#asked-by")).isEqualTo(PAGE_NODE);
        assertThat(text("#last-update")).startsWith("updated ");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(cells("table#nodes tr[data-node='Welsh']").get(1)).isEqualTo("OK");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("1-herd-up.png"));
    }

    @Test
    @Order(2)
    void clientsReportedAtAnyNodeAppearInTheTableAndThePlotAndMoveLive() throws IOException {
        List<SampleClient> clients = sampleClients();
        for (SampleClient client : clients) {
            iamat(client.node(), client.id(), client.position(0));
        }
        waitUpTo(
                Duration.ofSeconds(30),
                "every client in the table and the plot",
                driver -> clients.stream()
                        .allMatch(client -> present("table#clients tr" + dataClient(client.id()))
                                && present("svg#positions circle" + dataClient(client.id()))));
        List<String> kiwi = cells("table#clients tr" + dataClient("kiwi.cs.ucla.edu"));
        assertThat(kiwi.subList(0, 4)).containsExactly("kiwi.cs.ucla.edu", "34.068930", "-118.445127", "Welsh");
        assertThat(kiwi.get(4)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        // Downtown is east of UCLA: further right on the longitude axis.
        String ucla = "svg#positions circle" + dataClient("kiwi.cs.ucla.edu");
        String downtown = "svg#positions circle" + dataClient("papaya.downtown.example");
        assertThat(Double.parseDouble(attribute(downtown, "cx")))
                .isGreaterThan(Double.parseDouble(attribute(ucla, "cx")));

        // The clients walk north; the page follows each step without being reloaded.
        for (int step = 1; step <= WALK_STEPS; step++) {
            for (SampleClient client : clients) {
                iamat(client.node(), client.id(), client.position(step));
            }
            String latitude = clients.get(0).latitude(step);
            waitUpTo(
                    Duration.ofSeconds(15),
                    "kiwi.cs.ucla.edu at latitude " + latitude,
                    driver -> cells("table#clients tr" + dataClient("kiwi.cs.ucla.edu"))
                            .get(1)
                            .equals(latitude));
        }
        // The plot fits its axes to the clients, which all moved alike: the point's tooltip tells where it is.
        assertThat((String) browser.executeScript("return document.querySelector(arguments[0]).textContent;", ucla))
                .contains(clients.get(0).latitude(WALK_STEPS) + ", -118.445127");
        assertThat(clientIds())
                .containsAll(clients.stream().map(SampleClient::id).toList());
        try (LineConnection welsh = new LineConnection(herd.node("Welsh").clientPort())) {
            assertThat(welsh.askWhatsAt("WHATSAT kiwi.cs.ucla.edu 5 3")).startsWith("AT Welsh ");
        }
        waitUpTo(Duration.ofSeconds(15), "the IAMATs in the herd-wide rates", driver -> {
            String points = attribute("svg#rates polyline[data-series='iamat']", "points");
            return Stream.of(points.split(" "))
                            .map(point -> point.split(",")[1])
                            .distinct()
                            .count()
                    > 1;
        });
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("2-herd-with-clients.png"));
    }

    @Test
    @Order(3)
    void theSearchBoxNarrowsTheClientsAndIdsAreShownAsText() throws IOException {
        String markup = "<img/src=x/onerror=document.title='owned'>";
        iamat("Hands", markup, "+34.068930-118.445127");

        type("ucla.edu");
        waitUpTo(Duration.ofSeconds(15), "only ucla.edu clients", driver -> {
            List<String> ids = clientIds();
            return ids.size() == 6 && ids.stream().allMatch(id -> id.contains("ucla.edu"));
        });
        assertThat(browser.findElements(By.cssSelector("svg#positions circle[data-client]")))
                .hasSize(6);

        type("<img");
        waitUpTo(
                Duration.ofSeconds(15),
                "the client whose id is markup",
                driver -> clientIds().equals(List.of(markup)));
        assertThat(cells("table#clients tr" + dataClient(markup)).get(0)).isEqualTo(markup);
        assertThat(browser.findElements(By.cssSelector("#clients img, #positions img")))
                .isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Proxy Herd console");

        type("");
        waitUpTo(
                Duration.ofSeconds(15),
                "every client again",
                driver -> clientIds().size() > 6);
    }

    @Test
    @Order(4)
    void aStoppedNodeIsMarkedDownWithItsLinksAndItsOwnConsoleKeepsTheLastData() throws Exception {
        String pageTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String stoppedNodesTab = browser.getWindowHandle();
        browser.get(consoleAt(STOPPED));
        waitUpTo(
                Duration.ofSeconds(30),
                STOPPED + "'s console drawn",
                driver -> healthOf("svg#topology g.node", "data-node").size() == 5);
        browser.switchTo().window(pageTab);

        herd.stop(STOPPED);
        try {
            waitUpTo(
                    Duration.ofSeconds(30),
                    STOPPED + " down",
                    driver -> "down"
                            .equals(healthOf("svg#topology g.node", "data-node").get(STOPPED)));
            Map<String, String> links = links();
            LINKS.forEach(
                    link -> assertThat(links.get(link)).as(link).isEqualTo(link.contains(STOPPED) ? "down" : "ok"));
            assertThat(healthOf("table#nodes tbody tr", "data-node")).containsEntry(STOPPED, "down");
            assertThat(cells("table#nodes tr[data-node='" + STOPPED + "']").get(2))
                    .startsWith("not answering");
            assertThat(healthOf("svg#topology g.node", "data-node")).containsEntry("Welsh", "ok");
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("3-holiday-down.png"));

            browser.switchTo().window(stoppedNodesTab);
            waitUpTo(
                    Duration.ofSeconds(30),
                    "the error banner on " + STOPPED + "'s own console",
                    driver -> driver.findElement(By.id("error")).isDisplayed());
            assertThat(text("#error")).contains("/api/herd").contains("Showing the data from");
            assertThat(healthOf("svg#topology g.node", "data-node")).hasSize(5);
            assertThat(clientIds()).isNotEmpty();
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("4-holiday-console-unreachable.png"));
            browser.close();
            browser.switchTo().window(pageTab);
        } finally {
            herd.restart(STOPPED);
        }
        waitUpTo(
                Duration.ofSeconds(90),
                STOPPED + " ok again",
                driver ->
                        "ok".equals(healthOf("svg#topology g.node", "data-node").get(STOPPED))
                                && links().values().stream().allMatch("ok"::equals));
    }

    private static String consoleAt(String node) {
        return "http://" + ConsoleHerd.USER + ":" + ConsoleHerd.PASSWORD + "@"
                + herd.node(node).host() + ":" + herd.node(node).httpPort() + "/console/";
    }

    /** Waits for the page to show something; if it never does, says what it showed instead and keeps a screenshot. */
    private static void waitUpTo(Duration timeout, String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, timeout, Duration.ofMillis(250))
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            String shown = "nodes " + healthOf("svg#topology g.node", "data-node") + ", links " + links() + ", clients "
                    + clientIds() + ", error banner: " + text("#error");
            try {
                HeadlessChromium.screenshot(
                        browser, SCREENSHOTS.resolve("failed-" + what.replaceAll("\\W+", "-") + ".png"));
            } catch (IOException | RuntimeException screenshot) {
                e.addSuppressed(screenshot);
            }
            throw new AssertionError(
                    "the console did not show " + what + " within " + timeout.toSeconds() + " s; it showed " + shown,
                    e);
        }
    }

    // The page redraws every 2 s, replacing its elements; each read below is one script, so it sees one drawing.

    /** The data-health of each element matched, by the attribute naming it. */
    private static Map<String, String> healthOf(String selector, String nameAttribute) {
        return pairs(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                        + ".map(e => [e.getAttribute(arguments[1]), e.getAttribute('data-health')]);",
                selector,
                nameAttribute);
    }

    /** Each drawn link's health by "From-To". */
    private static Map<String, String> links() {
        return pairs(
                "return Array.from(document.querySelectorAll('svg#topology line.link'))"
                        + ".map(e => [e.getAttribute('data-from') + '-' + e.getAttribute('data-to'), e.getAttribute('data-health')]);");
    }

    private static Map<String, String> pairs(String script, Object... arguments) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Object pair : (List<?>) browser.executeScript(script, arguments)) {
            List<?> entry = (List<?>) pair;
            pairs.merge(String.valueOf(entry.get(0)), String.valueOf(entry.get(1)), (a, b) -> a + "," + b);
        }
        return pairs;
    }

    private static List<String> clientIds() {
        return strings("return Array.from(document.querySelectorAll('table#clients tbody tr[data-client]'))"
                + ".map(row => row.getAttribute('data-client'));");
    }

    private static boolean present(String selector) {
        return !browser.findElements(By.cssSelector(selector)).isEmpty();
    }

    /** The cells' text as shown (CSS text-transform applied), or an empty list when there is no such row. */
    private static List<String> cells(String rowSelector) {
        return strings(
                "const row = document.querySelector(arguments[0]);"
                        + "return row ? Array.from(row.cells).map(cell => cell.innerText) : [];",
                rowSelector);
    }

    private static String attribute(String selector, String name) {
        return (String) browser.executeScript(
                "return document.querySelector(arguments[0]).getAttribute(arguments[1]);", selector, name);
    }

    private static List<String> strings(String script, Object... arguments) {
        return ((List<?>) browser.executeScript(script, arguments))
                .stream().map(String::valueOf).toList();
    }

    private static String text(String selector) {
        return browser.findElement(By.cssSelector(selector)).getText();
    }

    private static void type(String query) {
        WebElement search = browser.findElement(By.id("client-search"));
        search.clear();
        if (!query.isEmpty()) {
            search.sendKeys(query);
        } else {
            // clear() alone fires no input event; a space and a backspace do.
            search.sendKeys(" \b");
        }
    }

    /** An attribute selector for a client id, which may hold quotes or backslashes. */
    private static String dataClient(String id) {
        return "[data-client=\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** A client of browser-clients.csv; each step of its walk takes it about 110 m north. */
    private record SampleClient(String id, String node, BigDecimal latitude, BigDecimal longitude) {

        private static final BigDecimal STEP = new BigDecimal("0.001000");

        String latitude(int step) {
            return latitude.add(STEP.multiply(BigDecimal.valueOf(step))).toPlainString();
        }

        /** ISO 6709, as IAMAT takes it: +34.068930-118.445127. */
        String position(int step) {
            return (latitude(step).startsWith("-") ? "" : "+")
                    + latitude(step)
                    + (longitude.signum() < 0 ? "" : "+")
                    + longitude.toPlainString();
        }
    }

    private static List<SampleClient> sampleClients() throws IOException {
        try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream("/console/browser-clients.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(","))
                    .map(f -> new SampleClient(f[0], f[1], new BigDecimal(f[2]), new BigDecimal(f[3])))
                    .toList();
        }
    }

    private static void iamat(String node, String client, String position) throws IOException {
        Instant now = Instant.now();
        String time = now.getEpochSecond() + "." + String.format("%09d", now.getNano());
        try (LineConnection connection = new LineConnection(herd.node(node).clientPort())) {
            assertThat(connection.ask("IAMAT " + client + " " + position + " " + time))
                    .startsWith("AT " + node + " ");
        }
    }
}
