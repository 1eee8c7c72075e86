package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.BrowserPages;
import vn.kyso.support.RequiresBrowser;
import vn.kyso.support.TestPki;

/** The periodic report page: choose a period, read the figures, download the PDF to send up. */
@RequiresBrowser
class ReportPagesBrowserTest extends BrowserPages {

    @Test
    void aRegistrarReadsTheYearsReportAndDownloadsIt() throws Exception {
        String agency = newAgency("Sở Văn hóa, Thể thao và Du lịch");
        Person person = newIndividual(agency, "Ngô Thị Hạnh");
        var issued = admin().post("/api/v1/certificates", Map.of("subscriberId", person.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        assertThat(issued.status()).isEqualTo(201);
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());

        signIn(account("REGISTRAR", null));
        browser.findElement(By.linkText("Báo cáo")).click();
        new Select(browser.findElement(By.id("period"))).selectByValue(year);
        browser.findElement(By.id("agency")).sendKeys(agency);
        browser.findElement(By.cssSelector("#report-form button")).click();
        waitFor(By.id("report"));
        assertThat(text("main h2")).contains("Sở Văn hóa, Thể thao và Du lịch");
        assertThat(text("[role=status]")).contains("chưa kết thúc");
        assertThat(text("tr[data-code='certificates.issued'] td.num")).isEqualTo("1");
        assertThat(text("tr[data-code='certificates.activeAtEnd'] td.num")).isEqualTo("1");
        screenshotWholePage("report");

        var pdf = inSession(browser.findElement(By.id("report-pdf")).getAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        var csv = inSession(browser.findElement(By.id("report-csv")).getAttribute("href"));
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("certificates.issued,Cấp mới bởi CA của Kyso,1");
    }

    @Test
    void anOfficerGetsItsOwnAgencyAndABadPeriodIsSaidPlainly() throws Exception {
        String own = newAgency("Ủy ban nhân dân xã Đạ Huoai");
        String other = newAgency("Ủy ban nhân dân xã Đạ Tẻh");
        signIn(account("AGENCY_OFFICER", own));
        browser.get(url("/reports"));
        assertThat(text("main h2")).contains("Ủy ban nhân dân xã Đạ Huoai");
        browser.get(url("/reports?period=2026-H1&agency=" + other));
        assertThat(text("main")).doesNotContain("Đạ Tẻh");
        assertThat(text("[role=alert]")).isEqualTo("Không có cơ quan mã " + other + ".");
        browser.get(url("/reports?period=2026-H9"));
        assertThat(text("[role=alert]")).contains("2026-H9");
    }

    private String account(String role, String agency) {
        String username = unique("rp").toLowerCase();
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "password", PASSWORD,
                "fullName", "Cán bộ báo cáo", "roles", List.of(role)));
        if (agency != null) {
            body.put("agencyCode", agency);
        }
        assertThat(admin().post("/api/v1/users", body).status()).isEqualTo(201);
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
