package vn.kyso.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys come back from the PKCS#12 file as the ones put there, in the form the signing provider works fastest with. */
class CaKeyStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoredKeyComesBackAsBouncyCastlesOwnAndSignsForItsCertificate() throws Exception {
        CaKeyStore store = CaKeyStore.open(dataDir, "một mật khẩu");
        KeyPair pair = store.generate("kyso", "secp256r1");
        store.put("kyso", pair.getPrivate(), selfSigned(pair));
        store.save();

        CaKeyStore reopened = CaKeyStore.open(dataDir, "một mật khẩu");
        PrivateKey key = reopened.key("kyso");
        assertThat(key).isInstanceOf(org.bouncycastle.jce.interfaces.ECPrivateKey.class);
        assertThat(key.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());

        byte[] data = "Quyết định số 12/QĐ-UBND".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA", reopened.provider());
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA", Pki.BC);
        verifier.initVerify(reopened.certificate("kyso"));
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(reopened.key("không có")).isNull();
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("C=VN,CN=Kyso test");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.TWO, Date.from(now),
                Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
        return new JcaX509CertificateConverter().setProvider(Pki.BC).getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(pair.getPrivate())));
    }
}
