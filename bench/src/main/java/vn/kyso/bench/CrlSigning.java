package vn.kyso.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Random;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.kyso.ca.CrlEncoder;
import vn.kyso.ca.Pki;

/**
 * Encoding and signing the national CRL (100,000 entries, as 5% revoked of 2,000,000 gives) from
 * rows already read: Kyso's CrlEncoder against Bouncy Castle's X509v2CRLBuilder fed entry by entry,
 * and signed through Bouncy Castle's provider, as CrlPublisher did before. Same entries, same P-256
 * key; the database read is measured over HTTP on the national data set.
 */
@State(Scope.Benchmark)
public class CrlSigning {

    static final int ENTRIES = 100_000;
    private static final int[] REASONS = {0, CRLReason.keyCompromise, CRLReason.affiliationChanged,
        CRLReason.superseded, CRLReason.cessationOfOperation, CRLReason.certificateHold};

    private final String[] serials = new String[ENTRIES];
    private final Instant[] revokedAt = new Instant[ENTRIES];
    private final int[] reasons = new int[ENTRIES];
    private final Instant[] invalidity = new Instant[ENTRIES];
    private KeyPair ca;
    private X500Name issuer;
    private Extensions extensions;
    private Instant thisUpdate;

    @Setup
    public void setup() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pki.BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ca = generator.generateKeyPair();
        issuer = new X500Name("C=VN,O=Kyso,CN=Kyso Issuing CA");
        thisUpdate = Instant.now();
        Random random = new Random(7);
        for (int i = 0; i < ENTRIES; i++) {
            byte[] serial = new byte[20];
            random.nextBytes(serial);
            serial[0] &= 0x7f;
            serials[i] = new BigInteger(1, serial).toString(16);
            revokedAt[i] = thisUpdate.minusMillis(random.nextLong(3L * 365 * 86_400_000));
            reasons[i] = REASONS[random.nextInt(REASONS.length)];
            invalidity[i] = random.nextInt(4) == 0 ? revokedAt[i].minus(Duration.ofDays(2)) : null;
        }
        ExtensionsGenerator crlExtensions = new ExtensionsGenerator();
        crlExtensions.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(4242)));
        extensions = crlExtensions.generate();
    }

    private ContentSigner signer(String provider) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(provider).build(ca.getPrivate());
    }

    @Benchmark
    public byte[] kyso() throws Exception {
        CrlEncoder crl = new CrlEncoder();
        for (int i = 0; i < ENTRIES; i++) {
            crl.add(serials[i], revokedAt[i], reasons[i], invalidity[i]);
        }
        // as BuiltInCa.signerFor with the key store: the JDK's ECDSA over the same BC key
        return crl.sign(signer("SunEC"), issuer, thisUpdate, thisUpdate.plus(Duration.ofDays(1)), extensions);
    }

    @Benchmark
    public byte[] baseline() throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(1))));
        for (int i = 0; i < ENTRIES; i++) {
            ExtensionsGenerator entry = new ExtensionsGenerator();
            if (reasons[i] > 0) {
                entry.addExtension(Extension.reasonCode, false, CRLReason.lookup(reasons[i]));
            }
            if (invalidity[i] != null) {
                entry.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(invalidity[i])));
            }
            BigInteger serial = new BigInteger(serials[i], 16);
            if (entry.isEmpty()) {
                builder.addCRLEntry(serial, Date.from(revokedAt[i]), CRLReason.unspecified);
            } else {
                builder.addCRLEntry(serial, Date.from(revokedAt[i]), entry.generate());
            }
        }
        builder.addExtension(Extension.cRLNumber, false, extensions.getExtension(Extension.cRLNumber).getParsedValue());
        return builder.build(signer("BC")).getEncoded();
    }
}
