package vn.kyso.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.TestPki;

/** The daily expiry notices: each certificate once per threshold, e-mailed to the agency's mailbox when SMTP is set. */
public interface ExpiryNoticeRuns extends KysoApi {

    GreenMail mail();

    private static Api.Response ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private String issue(long subscriberId, int days) {
        return ok(admin().post("/api/v1/certificates", Map.of("subscriberId", subscriberId,
                "csr", TestPki.csr(TestPki.ec("secp256r1")), "validityDays", days)), 201).text("serialNumber");
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    default void agenciesHearOfEachExpiringCertificateOnceAtEachThreshold() throws Exception {
        String parent = unique("SXD");
        String mailbox = "vanthu." + parent.toLowerCase() + "@lamdong.gov.vn";
        ok(admin().post("/api/v1/agencies", Map.of("code", parent, "name", "Sở Xây dựng", "email", mailbox)), 201);
        String unit = unique("CCGD");
        ok(admin().post("/api/v1/agencies", Map.of("code", unit, "name", "Chi cục Giám định xây dựng",
                "parentCode", parent)), 201);
        Person person = newIndividual(unit, "Trịnh Văn Quyết");
        String in5 = issue(person.id(), 5);
        String in20 = issue(person.id(), 20);
        String in50 = issue(person.id(), 50);
        String in100 = issue(person.id(), 100);

        assertThat(newUser("REGISTRAR", null).post("/api/v1/expiry-notices/run", Map.of()).status()).isEqualTo(403);
        var run = ok(admin().post("/api/v1/expiry-notices/run", Map.of()), 200);
        assertThat(run.json().path("mailConfigured").asBoolean()).isTrue();
        assertThat(run.json().path("newNotices").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(run.json().path("emailsFailed").asInt()).isZero();

        List<MimeMessage> received = to(mailbox);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).contains("Chứng thư số sắp hết hạn").contains("Sở Xây dựng");
        assertThat(message.getContentType()).contains("text/plain").containsIgnoringCase("UTF-8");
        String text = (String) message.getContent();
        assertThat(text).contains("Kính gửi Sở Xây dựng").contains(in5).contains(in20).contains(in50)
                .contains("Chi cục Giám định xây dựng").contains("còn 5 ngày").contains("5 days left")
                .doesNotContain(in100);

        // the next run finds nothing new and sends nothing again
        var again = ok(admin().post("/api/v1/expiry-notices/run", Map.of()), 200);
        assertThat(again.json().path("newNotices").asInt()).isZero();
        assertThat(again.json().path("emailsSent").asInt()).isZero();
        assertThat(to(mailbox)).hasSize(1);
        assertThat(jdbc().sql("SELECT COUNT(*) FROM expiry_notice n JOIN certificate c ON c.id = n.certificate_id"
                + " WHERE c.serial IN (:a, :b, :c, :d)").param("a", in5).param("b", in20).param("c", in50)
                .param("d", in100).query(Long.class).single()).isEqualTo(3);

        Api officer = newUser("AGENCY_OFFICER", parent);
        var listing = ok(officer.get("/api/v1/expiry-notices?agency=" + parent), 200);
        assertThat(listing.json().path("thresholds").toString()).isEqualTo("[7,30,60]");
        assertThat(listing.json().path("agencies").size()).isEqualTo(1);
        var agency = listing.json().path("agencies").get(0);
        assertThat(agency.path("agencyCode").asString()).isEqualTo(unit);
        assertThat(agency.path("email").asString()).isEqualTo(mailbox);
        assertThat(agency.path("counts").toString()).isEqualTo("{\"7\":1,\"30\":1,\"60\":1}");
        List<String> rows = new ArrayList<>();
        agency.path("certificates").forEach(c -> {
            rows.add(c.path("serialNumber").asString() + " " + c.path("threshold").asInt());
            assertThat(c.path("emailedAt").isNull()).isFalse();
        });
        assertThat(rows).containsExactly(in5 + " 7", in20 + " 30", in50 + " 60");

        Api stranger = newUser("AGENCY_OFFICER", newAgency("Sở Ngoại vụ"));
        assertThat(stranger.get("/api/v1/expiry-notices?agency=" + parent).status()).isEqualTo(404);
        assertThat(ok(stranger.get("/api/v1/expiry-notices"), 200).json().path("agencies").toString())
                .doesNotContain(unit);
    }
}
