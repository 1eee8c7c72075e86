package vn.kyso.verify.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.Pki;
import vn.kyso.verify.SubIndication;

/** Revocation as the validator decides it: before or after the validation time, by whom it may be said. */
class RevocationSemanticsTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant REVOKED = Instant.parse("2026-03-01T01:00:00Z");

    private final KeyPair rootKeys = TestPkiKeys.ec();
    private final KeyPair leafKeys = TestPkiKeys.ec();
    private final X509Certificate root = cert("CN=Root thử nghiệm", rootKeys, "CN=Root thử nghiệm", rootKeys.getPrivate(),
            true, null, false);
    private final X509Certificate leaf = cert("CN=Nguyễn Văn A", leafKeys, "CN=Root thử nghiệm", rootKeys.getPrivate(),
            false, null, true);
    private final PathValidator validator = new PathValidator(RevocationRegistry.NONE);

    @Test
    void revokedBeforeTheValidationTimeIsInvalid() {
        PathResult result = validate(List.of(crl(rootKeys.getPrivate(), leaf.getSerialNumber())), List.of(),
                Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(result.outcome()).isEqualTo(PathResult.Outcome.INVALID);
        assertThat(result.subIndication()).isEqualTo(SubIndication.REVOKED);
        assertThat(result.explanation().vi()).isEqualTo("Chứng thư số của «Nguyễn Văn A» đã bị thu hồi lúc 2026-03-01 08:00 "
                + "(lý do: keyCompromise), trước thời điểm ký.");
        assertThat(result.explanation().en()).contains("«Nguyễn Văn A» was revoked on 2026-03-01 08:00 (reason: keyCompromise)");
    }

    @Test
    void revokedAfterTheValidationTimeStaysValidWithANote() {
        PathResult result = validate(List.of(crl(rootKeys.getPrivate(), leaf.getSerialNumber())), List.of(), SIGNED);
        assertThat(result.valid()).as(result.explanation().en()).isTrue();
        assertThat(result.statuses().get(0).revokedAfterValidationTime()).isTrue();
        assertThat(result.statuses().get(0).source()).isEqualTo(CertStatus.Source.CRL);
        assertThat(result.explanation().vi()).contains("sau thời điểm này");
    }

    @Test
    void aCrlSignedByAnotherKeyIsIgnored() {
        PathResult result = validate(List.of(crl(TestPkiKeys.ec().getPrivate(), leaf.getSerialNumber())), List.of(), SIGNED);
        assertThat(result.outcome()).isEqualTo(PathResult.Outcome.INDETERMINATE);
        assertThat(result.subIndication()).isEqualTo(SubIndication.TRY_LATER);
        assertThat(result.explanation().vi()).contains("«Nguyễn Văn A»", "nhập CRL");
        assertThat(result.chain()).containsExactly(leaf, root);
    }

    @Test
    void ocspFromADelegatedResponderCounts() {
        KeyPair responderKeys = TestPkiKeys.ec();
        X509Certificate responder = cert("CN=OCSP thử nghiệm", responderKeys, "CN=Root thử nghiệm", rootKeys.getPrivate(),
                false, KeyPurposeId.id_kp_OCSPSigning, true);
        PathResult result = validate(List.of(), List.of(ocsp(responderKeys.getPrivate(), responder, true)), SIGNED);
        assertThat(result.outcome()).isEqualTo(PathResult.Outcome.INVALID);
        assertThat(result.subIndication()).isEqualTo(SubIndication.REVOKED);
        assertThat(result.statuses().get(0).source()).isEqualTo(CertStatus.Source.OCSP);
    }

    @Test
    void ocspSignedByAnUnrelatedKeyIsIgnored() {
        KeyPair strangerKeys = TestPkiKeys.ec();
        X509Certificate stranger = cert("CN=OCSP lạ", strangerKeys, "CN=OCSP lạ", strangerKeys.getPrivate(),
                false, KeyPurposeId.id_kp_OCSPSigning, true);
        PathResult result = validate(List.of(), List.of(ocsp(strangerKeys.getPrivate(), stranger, false)), SIGNED);
        assertThat(result.outcome()).isEqualTo(PathResult.Outcome.INDETERMINATE);
        assertThat(result.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void nothingIsFetchedFromTheAddressesInTheCertificate() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/ca";
            X509Certificate pointing = cert("CN=Lê Văn C", leafKeys, "CN=Root thử nghiệm", rootKeys.getPrivate(), false,
                    null, true, url);
            PathResult result = validator.validate(new PathInput(pointing, List.of(), Set.of(new TrustAnchor(root, null)),
                    List.of(), List.of(), SIGNED, PathOptions.signer()));
            assertThat(result.subIndication()).isEqualTo(SubIndication.TRY_LATER);
            assertThat(accepted(server)).as("a connection to the CRL/OCSP address").isFalse();
        }
    }

    private static boolean accepted(ServerSocket server) {
        try (var socket = server.accept()) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private PathResult validate(List<X509CRL> crls, List<BasicOCSPResp> ocsp, Instant at) {
        return validator.validate(new PathInput(leaf, List.of(), Set.of(new TrustAnchor(root, null)), crls, ocsp, at,
                PathOptions.signer()));
    }

    private X509CRL crl(PrivateKey key, BigInteger serial) {
        try {
            var builder = new X509v2CRLBuilder(new X500Name("CN=Root thử nghiệm"), Date.from(REVOKED.plusSeconds(60)));
            builder.setNextUpdate(Date.from(Instant.parse("2027-01-01T00:00:00Z")));
            builder.addCRLEntry(serial, Date.from(REVOKED), CRLReason.keyCompromise);
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            return new JcaX509CRLConverter().setProvider(Pki.BC).getCRL(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BasicOCSPResp ocsp(PrivateKey key, X509Certificate responder, boolean revoked) {
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build();
            var id = new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(root),
                    leaf.getSerialNumber());
            var builder = new JcaBasicOCSPRespBuilder(responder.getPublicKey(), digests.get(CertificateID.HASH_SHA1));
            CertificateStatus status = revoked ? new RevokedStatus(Date.from(SIGNED.minusSeconds(60)), CRLReason.keyCompromise)
                    : CertificateStatus.GOOD;
            builder.addResponse(id, revoked ? status : null, Date.from(SIGNED.plusSeconds(60)),
                    Date.from(SIGNED.plusSeconds(86_400)));
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(key),
                    new X509CertificateHolder[] {new JcaX509CertificateHolder(responder)}, Date.from(SIGNED.plusSeconds(60)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate cert(String subject, KeyPair keys, String issuer, PrivateKey issuerKey, boolean ca,
            KeyPurposeId purpose, boolean signing, String... urls) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), Pki.randomSerial(), Date.from(T0),
                    Date.from(Instant.parse("2030-01-01T00:00:00Z")), new X500Name(subject), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            for (String url : urls) {
                GeneralName name = new GeneralName(GeneralName.uniformResourceIdentifier, url);
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(name)), null, null)}));
                builder.addExtension(Extension.authorityInfoAccess, false,
                        new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp, name)));
            }
            return new JcaX509CertificateConverter().setProvider(Pki.BC).getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test keys: P-256 is quick to make. */
    private static final class TestPkiKeys {
        static KeyPair ec() {
            return vn.kyso.support.TestPki.ec("secp256r1");
        }
    }
}
