package io.closeloop.engine.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.closeloop.engine.support.Alerts;
import io.closeloop.engine.support.ApiClient;
import io.closeloop.engine.support.IntegrationTest;

/**
 * The whole loop as a technician lives it, in a real headless Chromium: a server disk
 * alert comes in, the technician logs in, approves in the browser, and the alert ends
 * resolved with its ticket closed and annotated.
 */
class ApprovalInBrowserTests extends IntegrationTest {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private WebDriver browser;

	@BeforeEach
	void openBrowser() {
		assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
				"Browser test skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
		System.setProperty("SE_OFFLINE", "true");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1600");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void shouldLetATechnicianApproveAServerFixInTheBrowser() {
		ApiClient api = api();
		long alertId = api.postAlert(Alerts.serverDiskLow()).id();
		api.awaitStatus(alertId, "AWAITING_APPROVAL");

		this.browser.get(api.uri("/tasks").toString());
		this.browser.findElement(By.id("username")).sendKeys("technician");
		this.browser.findElement(By.id("password")).sendKeys("technician");
		this.browser.findElement(By.id("login-submit")).click();

		WebElement task = new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("article.task[data-alert-id='" + alertId + "']")));
		assertThat(task.findElement(By.className("remediation")).getText()).isEqualTo("disk-cleanup");
		assertThat(task.getText()).contains("the device is a server", "ACME-SRV-");
		task.findElement(By.name("comment")).sendKeys("Approved from the browser test");
		task.findElement(By.cssSelector("button.approve")).click();

		String flash = new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")))
			.getText();
		assertThat(flash).contains("Approved");
		Map<String, Object> alert = api.awaitStatus(alertId, "RESOLVED");

		this.browser.get(api.uri("/alerts/" + alertId).toString());
		assertThat(this.browser.findElement(By.id("alert-status")).getText()).isEqualTo("RESOLVED");
		assertThat(this.browser.findElement(By.id("decision-tier")).getText()).isEqualTo("L2");
		Map<String, Object> ticket = api.ticketOf(alert);
		assertThat(ticket).containsEntry("status", "Closed");
		assertThat(ApiClient.notes(ticket)).anySatisfy((note) -> assertThat(note).contains("Resolved by Closeloop",
				"Approved by technician: Approved from the browser test"));
	}

}
