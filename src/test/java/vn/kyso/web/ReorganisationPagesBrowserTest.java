package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.BrowserPages;
import vn.kyso.support.RequiresBrowser;

/** A merger on the pages: the form, the dry run, the confirmation, the job's page until it is done. */
@RequiresBrowser
class ReorganisationPagesBrowserTest extends BrowserPages {

    @Test
    void aRegistrarMergesTwoCommunesAfterSeeingTheDryRun() throws Exception {
        String x = newAgency("Ủy ban nhân dân xã Phước Cát 1");
        String y = newAgency("Ủy ban nhân dân xã Phước Cát 2");
        String successor = newAgency("Ủy ban nhân dân xã Phước Cát");
        Person person = newIndividual(x, "Võ Thị Thu");
        newIndividual(y, "Võ Văn Đông");

        signIn(account());
        browser.get(url("/reorganisations"));
        browser.findElement(By.id("sources")).sendKeys(x + "\n" + y);
        browser.findElement(By.id("successor")).sendKeys(successor);
        browser.findElement(By.id("comment")).sendKeys("Nghị quyết số 1656/NQ-UBTVQH15");
        browser.findElement(By.cssSelector("#reorganisation-form button")).click();
        waitFor(By.id("items"));
        assertThat(text("#job-status")).contains("Đã chạy thử", "Chưa có gì thay đổi");
        assertThat(text("#items")).contains("Chuyển thuê bao", "Võ Thị Thu", "Đóng cơ quan", x + " → " + successor);
        screenshotWholePage("reorganisation-dry-run");
        assertThat(admin().get("/api/v1/subscribers/" + person.id()).text("agencyCode")).isEqualTo(x);

        browser.findElement(By.cssSelector("#start button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "Đã xong"));
        assertThat(text("#job-status")).contains("4/4");
        assertThat(text("#items")).contains("Đã làm").doesNotContain("Sẽ làm");
        assertThat(admin().get("/api/v1/subscribers/" + person.id()).text("agencyCode")).isEqualTo(successor);
        var csv = inSession(browser.findElement(By.id("items-csv")).getAttribute("href"));
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("MOVE_SUBSCRIBER," + person.id() + ",Võ Thị Thu," + x + "," + successor + ",DONE");
    }

    @Test
    void aMergerWithoutSuccessorIsRefusedNextToTheField() throws Exception {
        String x = newAgency("Ủy ban nhân dân xã Ninh Gia");
        signIn(account());
        browser.get(url("/reorganisations"));
        browser.findElement(By.id("sources")).sendKeys(x);
        browser.findElement(By.cssSelector("#reorganisation-form button")).click();
        assertThat(waitFor(By.id("successor-error")).getText()).contains("cơ quan tiếp nhận");
        assertThat(browser.findElement(By.id("sources")).getAttribute("value")).isEqualTo(x);
    }

    private String account() {
        String username = unique("rg").toLowerCase();
        assertThat(admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "fullName", "Cán bộ sắp xếp", "roles", List.of("REGISTRAR"))).status()).isEqualTo(201);
        return username;
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
