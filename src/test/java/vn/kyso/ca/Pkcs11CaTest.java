package vn.kyso.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;
import vn.kyso.support.RequiresSoftHsm;
import vn.kyso.support.SoftHsm;
import vn.kyso.support.TestDatabases;
import vn.kyso.support.TestPki;

/**
 * The built-in CA with its keys in a PKCS#11 token (SoftHSM2): created inside the token, never
 * written to a file, and usable for certificates, the CRL and OCSP.
 */
@RequiresSoftHsm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kyso.admin.username=hsm-admin", "kyso.admin.password=Quản trị HSM 2026 ab"})
class Pkcs11CaTest implements KysoApi {

    static Path dataDir;
    static SoftHsm.Token token;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        dataDir = TestDatabases.sqlite(registry);
        token = SoftHsm.initToken("kyso-ca-" + System.nanoTime());
        registry.add("kyso.ca.pkcs11.library", token::library);
        registry.add("kyso.ca.pkcs11.slot", token::slot);
        registry.add("kyso.ca.pkcs11.pin", token::pin);
    }

    @Override
    public Api api() {
        return Api.at(port);
    }

    @Override
    public Api admin() {
        return api().as("hsm-admin", "Quản trị HSM 2026 ab");
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Test
    void theCaSignsWithKeysThatStayInTheToken() throws Exception {
        assertThat(Files.exists(dataDir.resolve("ca/kyso-ca.p12"))).as("no key file when a token is configured").isFalse();

        Provider provider = Security.getProvider("SunPKCS11").configure(
                "--name = KysoTestReader\nlibrary = " + token.library() + "\nslot = " + token.slot());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, token.pin().toCharArray());
        assertThat(store.isKeyEntry("kyso-root")).isTrue();
        assertThat(store.isKeyEntry("kyso")).isTrue();
        assertThat(store.isKeyEntry("kyso-ocsp")).isTrue();
        PrivateKey key = (PrivateKey) store.getKey("kyso", null);
        assertThat(key.getEncoded()).as("the private key cannot be read out").isNull();

        String agency = newAgency("Sở Khoa học và Công nghệ");
        var issued = admin().post("/api/v1/certificates", Map.of("subscriberId",
                newIndividual(agency, "Nguyễn Hữu Thắng").id(), "csr", TestPki.csr(TestPki.rsa(2048))));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String serial = issued.text("serialNumber");
        var issuing = Pki.certificates(api().getBytes("/ca/kyso.crt", null).body()).get(0);
        var root = Pki.certificates(api().getBytes("/ca/kyso-root.crt", null).body()).get(0);
        issuing.verify(root.getPublicKey());
        Pki.certificates(admin().getBytes("/api/v1/certificates/" + serial, "application/pkix-cert").body()).get(0)
                .verify(issuing.getPublicKey());
        assertThat(store.getCertificate("kyso")).isEqualTo(issuing);

        assertThat(admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise"))
                .status()).isEqualTo(200);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                new ByteArrayInputStream(api().getBytes("/crl/kyso.crl", null).body()));
        crl.verify(issuing.getPublicKey());
        assertThat(crl.getRevokedCertificate(new java.math.BigInteger(serial, 16))).isNotNull();
    }
}
