package org.mnemosyne.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium, with no network access beyond loopback and no
 * Selenium Manager download (the driver path is explicit). Kept out of any deployed class.
 */
final class Browser implements AutoCloseable {
  private final WebDriver driver;

  Browser() throws java.io.IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits (up to two minutes) until an element matching a CSS selector is on the page. */
  void waitFor(String css) {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(120))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                org.openqa.selenium.By.cssSelector(css)));
  }

  /**
   * Clicks an element that loads a new page and waits (up to two minutes) until the new page has
   * replaced the old one and finished loading: a click does not always block until a form
   * submission's navigation is done, so a test reading the next page right after a bare click races
   * it.
   */
  void clickAndLoad(org.openqa.selenium.WebElement element) {
    org.openqa.selenium.WebElement old = driver.findElement(org.openqa.selenium.By.tagName("html"));
    element.click();
    // gone from the page: Chrome answers "stale element" or, while the old document is being
    // replaced, "Node with given id does not belong to the document" — both mean the old page left
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(120))
        .until(
            d -> {
              try {
                old.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
              }
            });
    waitForScript("return document.readyState === 'complete'");
  }

  /** Runs a script in the page and returns its result (numbers come back as Long or Double). */
  Object script(String js, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Waits (up to two minutes) until a script returns {@code true}. */
  void waitForScript(String js, Object... args) {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(120))
        .until(d -> Boolean.TRUE.equals(script(js, args)));
  }

  /** Saves a PNG of the current page under {@code it.screenshots}. */
  Path screenshot(String name) throws java.io.IOException {
    Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
