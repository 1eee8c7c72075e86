package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.RequiresBrowser;
import vn.kyso.support.BrowserPages;

/**
 * The inventory an agency officer reads and the registrar's dashboard, in a real headless Chromium:
 * two sibling agencies, each with its own tokens, and an officer who must see only its own.
 * Screenshots go to target/screenshots, or to -Dkyso.screenshots=docs/screenshots.
 */
@RequiresBrowser
class InventoryPagesBrowserTest extends BrowserPages {

    @Test
    void anOfficerSeesOnlyItsOwnAgencysInventory() throws Exception {
        String district = newAgency("Ủy ban nhân dân huyện Lạc Dương");
        String mine = child("Phòng Tài chính – Kế hoạch huyện Lạc Dương", district);
        String sibling = child("Phòng Nội vụ huyện Lạc Dương", district);
        Person holder = newIndividual(mine, "Đặng Thị Ngọc Hân");
        String held = token(mine);
        act(held, "hand-over", "subscriberId", holder.id());
        String spare = token(mine);
        String theirs = token(sibling);
        certificate(holder.id(), Duration.ofDays(20));
        certificate(holder.id(), Duration.ofDays(100));

        signIn(account("AGENCY_OFFICER", mine, "Hoàng Minh Đức"));
        browser.findElement(By.linkText("Thống kê thiết bị")).click();
        arrivedAt("/inventory/" + mine);
        assertThat(text("h1")).contains("Phòng Tài chính – Kế hoạch huyện Lạc Dương");
        assertThat(text(".figures .tokens-total strong")).isEqualTo("2");
        assertThat(browser.findElements(By.cssSelector("#main figure.chart svg rect.bar"))).hasSize(10 + 12);
        assertThat(browser.findElement(By.cssSelector("figure.chart svg")).getAttribute("aria-labelledby"))
                .isEqualTo("chart-states");
        assertThat(text("table.holders")).contains(held, spare, "Đặng Thị Ngọc Hân", "Đang sử dụng")
                .doesNotContain(theirs);
        screenshotWholePage("inventory");

        String csvLink = browser.findElement(By.linkText("Tải CSV")).getAttribute("href");
        assertThat(csvLink).endsWith("/inventory/" + mine + ".csv");
        HttpResponse<byte[]> csv = inSession(csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(held, spare, "Đặng Thị Ngọc Hân")
                .doesNotContain(theirs);

        browser.get(url("/inventory/" + sibling));
        assertThat(text("main")).contains("Không tìm thấy").doesNotContain("Phòng Nội vụ");
        assertThat(inSession(url("/inventory/" + sibling)).statusCode()).isEqualTo(404);
        assertThat(inSession(url("/inventory/" + sibling + ".csv")).statusCode()).isEqualTo(404);
        assertThat(inSession(url("/inventory/" + district)).statusCode()).isEqualTo(404);
        assertThat(text("main")).doesNotContain("Ủy ban nhân dân huyện Lạc Dương");
        assertThat(inSession(url("/dashboard")).statusCode()).isEqualTo(403);
    }

    @Test
    void aRegistrarSeesALockedTokenOnTheDashboard() throws Exception {
        String agency = newAgency("Sở Tài nguyên và Môi trường");
        Person holder = newIndividual(agency, "Lò Văn Pó");
        String serial = token(agency);
        act(serial, "hand-over", "subscriberId", holder.id());
        act(serial, "report-locked");
        certificate(holder.id(), Duration.ofDays(10));

        signIn(account("REGISTRAR", null, "Trần Thị Lan"));
        browser.findElement(By.cssSelector(".tiles")).findElement(By.partialLinkText("Tổng quan")).click();
        arrivedAt("/dashboard");
        assertThat(Long.parseLong(text(".figures li.locked strong"))).isPositive();
        assertThat(text("table.incidents")).contains(serial, "Bị khóa", "Sở Tài nguyên và Môi trường", "Lò Văn Pó");
        assertThat(text("table.expiring")).contains("Lò Văn Pó");
        screenshotWholePage("dashboard");

        browser.get(url("/inventory"));
        assertThat(browser.findElements(By.cssSelector("ul.units a"))).isNotEmpty();
        assertThat(browser.findElement(By.id("code")).isDisplayed()).isTrue();
        browser.findElement(By.id("code")).sendKeys(agency);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        arrivedAt("/inventory/" + agency);
        assertThat(text(".figures .tokens-total strong")).isEqualTo("1");
        browser.findElement(By.linkText("English")).click();
        assertThat(text("main")).contains("Tokens by state", "Who holds which token", "Download CSV");
        browser.findElement(By.linkText("Tiếng Việt")).click();
        assertThat(text("main")).contains("Thiết bị theo trạng thái");
    }

    @Test
    void anAuditorReadsAnyAgencyButNotTheDashboard() throws Exception {
        String agency = newAgency("Sở Y tế");
        String serial = token(agency);
        String hospital = child("Bệnh viện Đa khoa tỉnh", agency);
        String inHospital = token(hospital);
        signIn(account("AUDITOR", null, "Vũ Thị Hà"));
        browser.get(url("/inventory/" + agency));
        assertThat(text(".figures .tokens-total strong")).isEqualTo("2");
        browser.findElement(By.linkText("Bệnh viện Đa khoa tỉnh")).click();
        arrivedAt("/inventory/" + hospital);
        assertThat(text(".figures .tokens-total strong")).isEqualTo("1");
        assertThat(text("table.holders")).contains(inHospital).doesNotContain(serial);
        assertThat(text("header nav")).contains("Thống kê thiết bị").doesNotContain("Tổng quan");
        assertThat(inSession(url("/inventory/" + agency)).statusCode()).isEqualTo(200);
        assertThat(new String(inSession(url("/inventory/" + agency + ".csv")).body(), StandardCharsets.UTF_8)).contains(serial);
        assertThat(inSession(url("/dashboard")).statusCode()).isEqualTo(403);
        assertThat(inSession(url("/inventory/NO-SUCH-AGENCY")).statusCode()).isEqualTo(404);
    }

    private String child(String name, String parent) {
        String code = unique("AG");
        var response = admin().post("/api/v1/agencies", Map.of("code", code, "name", name, "parentCode", parent));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return code;
    }

    private String token(String agency) {
        String serial = unique("TK");
        var response = admin().post("/api/v1/tokens", Map.of("serial", serial, "model", "SAFENET-5110", "agencyCode", agency));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return serial;
    }

    private void act(String serial, String action, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        var response = admin().post("/api/v1/tokens/" + serial + "/" + action, body);
        assertThat(response.status()).as(action + ": " + response).isEqualTo(200);
    }

    /** A certificate in force that ends {@code left} from now, written straight in as the inventory tests do. */
    private void certificate(long subscriberId, Duration left) {
        long caId = jdbc().sql("SELECT id FROM ca WHERE name = 'kyso'").query(Long.class).single();
        Instant now = Instant.now();
        jdbc().sql("INSERT INTO certificate (serial, ca_id, subscriber_id, agency_id, source, storage, subject_dn,"
                + " search_key, key_algorithm, key_size, spki_sha256, der, status, not_before, not_after, renewal_count,"
                + " version, created_at, updated_at) VALUES (?, ?, ?, (SELECT agency_id FROM subscriber WHERE id = ?),"
                + " 'IMPORTED', 'TOKEN', 'CN=x', 'x', 'EC', 256, 'x', ?,"
                + " 'GOOD', ?, ?, 0, 0, ?, ?)")
                .params(Long.toHexString(System.nanoTime()), caId, subscriberId, subscriberId, new byte[] {0},
                        Timestamp.from(now.minus(Duration.ofDays(100))), Timestamp.from(now.plus(left)),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    private String account(String role, String agency, String fullName) {
        String username = unique("web").toLowerCase();
        var body = new HashMap<String, Object>(Map.of("username", username, "password", PASSWORD,
                "fullName", fullName, "roles", List.of(role)));
        if (agency != null) {
            body.put("agencyCode", agency);
        }
        var created = admin().post("/api/v1/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private void signIn(String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void arrivedAt(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*" + path + "$"));
    }

}
