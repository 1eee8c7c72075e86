package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.Api;
import vn.kyso.support.BrowserPages;
import vn.kyso.support.RequiresBrowser;
import vn.kyso.support.TestPki;

/** Requests and approvals on pages: a registrar handles a request; a second registrar approves a revocation. */
@RequiresBrowser
class RequestPagesBrowserTest extends BrowserPages {

    @Test
    void aRegistrarFindsTheRequestAnOfficerFiledAndRejectsItWithAReason() throws Exception {
        String agency = newAgency("Sở Tài nguyên và Môi trường");
        Person person = newIndividual(agency, "Lâm Thị Kiều");
        Api officer = newUser("AGENCY_OFFICER", agency);
        Map<String, Object> body = new HashMap<>(Map.of("kind", "ISSUE_INDIVIDUAL", "agencyCode", agency,
                "reference", "12/STNMT-VP", "signerName", "Nguyễn Văn Giám", "signerPosition", "Giám đốc",
                "contactName", "Lâm Thị Kiều", "contactPhone", "0912 000 111",
                "items", List.of(Map.of("subscriberId", person.id()))));
        var created = officer.post("/api/v1/requests", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String number = created.text("number");

        signIn(account("REGISTRAR"));
        browser.get(url("/dashboard"));
        assertThat(browser.findElements(By.id("requests-due"))).hasSize(1);
        browser.findElement(By.linkText("Yêu cầu")).click();
        browser.findElement(By.linkText(number)).click();
        assertThat(text("#request-status")).isEqualTo("Đã tiếp nhận");
        assertThat(text("#request")).contains("Sở Tài nguyên và Môi trường", "Nguyễn Văn Giám");
        assertThat(browser.findElements(By.id("move-reject"))).hasSize(1);
        screenshotWholePage("request");

        browser.findElement(By.cssSelector("#move-reject button")).click();
        assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).isNotBlank().doesNotContain("error.");
        assertThat(text("#request-status")).isEqualTo("Đã tiếp nhận");
        browser.findElement(By.id("reason-reject")).sendKeys("Thiếu văn bản đề nghị có chữ ký số");
        browser.findElement(By.cssSelector("#move-reject button")).click();
        waitForText("#request-status", "Từ chối");
        assertThat(text("#history")).contains("Từ chối");
        assertThat(text("#request")).contains("Thiếu văn bản đề nghị có chữ ký số");
    }

    @Test
    void underFourEyesASecondRegistrarApprovesARevocationOnTheApprovalsPage() throws Exception {
        String agency = newAgency("Ủy ban nhân dân xã Hòa Ninh");
        var seal = admin().post("/api/v1/subscribers", Map.of("type", "ORGANIZATION", "agencyCode", agency,
                "fullName", "Ủy ban nhân dân xã Hòa Ninh", "email", unique("hn").toLowerCase() + "@lamdong.gov.vn",
                "taxCode", "5800123456"));
        assertThat(seal.status()).as(seal.toString()).isEqualTo(201);
        var issued = admin().post("/api/v1/certificates", Map.of("subscriberId", seal.json().path("id").asLong(),
                "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        String serial = issued.text("serialNumber");
        String preparerName = account("REGISTRAR");
        Api preparer = api().as(preparerName, PASSWORD);
        assertThat(admin().put("/api/v1/approval-rules/ORGANIZATION_REVOCATION", Map.of("fourEyes", true)).status())
                .isEqualTo(200);
        try {
            var prepared = preparer.post("/api/v1/certificates/" + serial + "/revoke",
                    Map.of("case", "ORGANIZATION_DISSOLVED"));
            assertThat(prepared.status()).as(prepared.toString()).isEqualTo(202);
            long id = prepared.json().path("id").asLong();

            signIn(preparerName);
            browser.get(url("/approvals"));
            browser.findElement(By.cssSelector("#approve-" + id + " button")).click();
            assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).isNotBlank();
            assertThat(admin().get("/api/v1/certificates/" + serial).text("status")).isNotEqualTo("REVOKED");

            signIn(account("REGISTRAR"));
            browser.get(url("/approvals"));
            assertThat(text("#approvals")).contains("Thu hồi chứng thư số của tổ chức", serial, preparerName);
            screenshotWholePage("approvals");
            browser.findElement(By.cssSelector("#approve-" + id + " button")).click();
            assertThat(waitFor(By.cssSelector("[role=status]")).getText()).contains(String.valueOf(id));
            assertThat(admin().get("/api/v1/certificates/" + serial).text("status")).isEqualTo("REVOKED");
        } finally {
            admin().put("/api/v1/approval-rules/ORGANIZATION_REVOCATION", Map.of("fourEyes", false));
        }
    }

    private String account(String role) {
        String username = unique("rq").toLowerCase();
        assertThat(admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "fullName", "Cán bộ tiếp nhận", "roles", List.of(role))).status()).isEqualTo(201);
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
