package vn.kyso.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.common.ApiException;
import vn.kyso.support.SqliteContext;
import vn.kyso.support.TestPki;

/**
 * An issue is checked and signed before its transaction, so what was checked is checked again
 * when it is stored: a key another subscriber took meanwhile is refused, and a subscriber who
 * changed meanwhile gets a certificate that names them as they are now.
 */
class PreparedIssueSqliteTest extends SqliteContext {

    @Autowired
    CertificateService certificates;

    private Requests.Issue request(long subscriber, KeyPair keys) {
        return new Requests.Issue(subscriber, TestPki.csr(keys), null, null, null, null);
    }

    @Test
    void aKeyTakenBetweenSigningAndStoringIsRefused() {
        String agency = newAgency("Sở Xây dựng");
        long first = newIndividual(agency, "Trịnh Văn Quyết").id();
        long second = newIndividual(agency, "Đỗ Thị Hoa").id();
        KeyPair keys = TestPki.ec("secp256r1");
        var forFirst = certificates.prepareIssue(request(first, keys));
        var forSecond = certificates.prepareIssue(request(second, keys));
        certificates.store(forFirst);
        assertThatThrownBy(() -> certificates.store(forSecond)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(409));
        assertThat(jdbc().sql("SELECT COUNT(*) FROM certificate WHERE subscriber_id = :s").param("s", second)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSubscriberRenamedBetweenSigningAndStoringIsNamedAsNow() {
        String agency = newAgency("Sở Giao thông Vận tải");
        Person person = newIndividual(agency, "Vương Thị Lụa");
        var prepared = certificates.prepareIssue(request(person.id(), TestPki.ec("secp256r1")));
        var current = admin().get("/api/v1/subscribers/" + person.id()).json();
        var renamed = admin().put("/api/v1/subscribers/" + person.id(), Map.of("type", "INDIVIDUAL",
                "agencyCode", agency, "fullName", "Vương Thị Lụa Mai", "email", person.email(),
                "nationalId", current.path("nationalId").asString(), "dateOfBirth", current.path("dateOfBirth").asString()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        Certificate stored = certificates.store(prepared);
        assertThat(stored.subjectDn).contains("Vương Thị Lụa Mai");
    }
}
