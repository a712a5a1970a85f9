package io.silo.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium, as a person would use the web app: Debian's {@code chromium} and
 * {@code chromium-driver}, installed when missing as the launcher installs PostgreSQL. Elements are found as a
 * person finds them: fields by their label, buttons and links by their text. Screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Launcher.TEST_DIR.resolve("screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;

    private Browser(ChromeDriver driver, URI base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A new browser (its own empty profile: no cookies) at 1280×800, for pages of {@code base}. */
    public static Browser open(URI base) {
        installIfMissing();
        try {
            Path profile = Files.createTempDirectory("silo-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            // the machine's network is closed: without these Chromium keeps trying Google's services
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-features=Translate,MediaRouter", "--window-size=1280,800",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            return new Browser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void installIfMissing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        ProcessResult installed = Processes.run(new ProcessBuilder("bash", "-c", "apt-get update -qq && "
                + "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver"),
                Launcher.TEST_DIR.resolve("apt"), Duration.ofMinutes(10));
        if (installed.exitCode() != 0 || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("could not install chromium and chromium-driver: " + installed);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs a script in the page (only to stage a screenshot; a test's steps are a person's). */
    public Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    public void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** The address's path and query, as the page shows it now. */
    public String path() {
        URI now = URI.create(driver.getCurrentUrl());
        return now.getRawPath() + (now.getRawQuery() == null ? "" : "?" + now.getRawQuery());
    }

    /** The input, select or textarea that the label with this text names. */
    public WebElement field(String label) {
        return await(page -> {
            List<WebElement> labels = page.findElements(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"));
            return labels.isEmpty() ? null : page.findElement(By.id(labels.get(0).getAttribute("for")));
        }, "a field labelled '" + label + "'");
    }

    public void type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
    }

    public void choose(String label, String value) {
        new Select(field(label)).selectByValue(value);
    }

    /** Clicks the button or link showing exactly this text, once it can be clicked. */
    public void click(String text) {
        await(page -> page.findElements(By.xpath("//button[normalize-space(.)=" + literal(text) + "] | //a[normalize-space(.)="
                + literal(text) + "]")).stream().filter(WebElement::isDisplayed).filter(WebElement::isEnabled)
                .findFirst().orElse(null), "a button or link '" + text + "'").click();
    }

    public WebElement byTestId(String id) {
        return await(page -> page.findElements(By.cssSelector("[data-testid='" + id + "']")).stream().findFirst()
                .orElse(null), "the element " + id);
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page's visible text holds {@code text}. */
    public void awaitText(String text) {
        await(page -> text().contains(text) ? Boolean.TRUE : null, "the text '" + text + "' on the page");
    }

    public <T> T await(Function<WebDriver, T> condition, String what) {
        return await(condition, what, PATIENCE);
    }

    public <T> T await(Function<WebDriver, T> condition, String what, Duration patience) {
        try {
            // a page redraws what it loads: an element found a moment ago may be replaced, so look again
            return new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited " + patience.toSeconds() + " s for " + what + " at " + path()
                    + "; the page says:\n" + text(), e);
        }
    }

    /** Answers "OK" to the confirmation the page asked for. */
    public void confirm() {
        await(page -> {
            try {
                return page.switchTo().alert();
            } catch (NoAlertPresentException notYet) {
                return null;
            }
        }, "a confirmation").accept();
    }

    /** Whether a JavaScript dialog (alert, confirm) is open: none ever should be unless a test asked for it. */
    public boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** Shows pages as a phone does: 390×844 CSS pixels, a mobile viewport. */
    public void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
    }

    /** How much wider than the window the page is laid out (0 when nothing scrolls sideways). */
    public long overflowWidth() {
        return ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
    }

    /** A screenshot of the whole window, {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
