package vn.kyso.ca;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.operator.ContentSigner;

/**
 * Writes a v2 CRL (RFC 5280 5.1) as DER, entry by entry, straight from the rows, and signs it with
 * a {@link ContentSigner}. The result is what Bouncy Castle's X509v2CRLBuilder makes of the same
 * input, byte for byte (CrlEncoderTest holds it to that), at a fraction of the time and memory:
 * the builder spent seconds on a CRL of 100,000 entries.
 */
public final class CrlEncoder {

    // DER of the entry extensions' OIDs: id-ce-cRLReasons (2.5.29.21), id-ce-invalidityDate (2.5.29.24)
    private static final byte[] REASON_CODE = {0x06, 0x03, 0x55, 0x1d, 0x15};
    private static final byte[] INVALIDITY_DATE = {0x06, 0x03, 0x55, 0x1d, 0x18};

    private final DerWriter entries = new DerWriter(1 << 16);
    private final DerWriter entry = new DerWriter(128);
    private final DerWriter extensions = new DerWriter(64);
    private final DerWriter value = new DerWriter(32);
    private int count;

    public int size() {
        return count;
    }

    /**
     * One revoked certificate. {@code reason} is the RFC 5280 CRLReason code; 0 (unspecified) is
     * left out, as 5.3.1 asks. Times are cut to whole seconds.
     */
    public void add(String serialHex, Instant revokedAt, int reason, Instant invalidityDate) {
        extensions.reset();
        if (reason != 0) {
            value.reset();
            value.header(DerWriter.ENUMERATED, 1);
            value.write(reason);
            extension(REASON_CODE);
        }
        if (invalidityDate != null) {
            value.reset();
            value.generalizedTime(invalidityDate);
            extension(INVALIDITY_DATE);
        }
        entry.reset();
        entry.integerHex(serialHex);
        entry.time(revokedAt);
        if (extensions.length() > 0) {
            entry.tagged(DerWriter.SEQUENCE, extensions);
        }
        entries.tagged(DerWriter.SEQUENCE, entry);
        count++;
    }

    /** A non-critical extension: critical's DEFAULT FALSE is left out in DER. */
    private void extension(byte[] oid) {
        int octets = 2 + value.length();
        extensions.header(DerWriter.SEQUENCE, oid.length + octets);
        extensions.write(oid);
        extensions.tagged(DerWriter.OCTET_STRING, value);
    }

    /** The TBSCertList, signed by {@code signer}: the DER of a CertificateList. */
    public byte[] sign(ContentSigner signer, X500Name issuer, Instant thisUpdate, Instant nextUpdate,
            Extensions crlExtensions) {
        byte[] algorithm = der(signer.getAlgorithmIdentifier());
        byte[] tbs = tbs(algorithm, issuer, thisUpdate, nextUpdate, crlExtensions);
        try (OutputStream out = signer.getOutputStream()) {
            out.write(tbs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] signature = signer.getSignature();
        DerWriter content = new DerWriter(tbs.length + algorithm.length + signature.length + 16);
        content.write(tbs);
        content.write(algorithm);
        content.header(DerWriter.BIT_STRING, signature.length + 1);
        content.write(0);
        content.write(signature);
        DerWriter crl = new DerWriter(content.length() + 6);
        crl.tagged(DerWriter.SEQUENCE, content);
        return crl.toByteArray();
    }

    /** TBSCertList: version v2, signature, issuer, thisUpdate, nextUpdate, revokedCertificates, [0] crlExtensions. */
    byte[] tbs(byte[] algorithm, X500Name issuer, Instant thisUpdate, Instant nextUpdate, Extensions crlExtensions) {
        byte[] issuerDer = der(issuer);
        byte[] extensionsDer = der(crlExtensions);
        DerWriter content = new DerWriter(entries.length() + issuerDer.length + extensionsDer.length + 128);
        content.write(new byte[] {DerWriter.INTEGER, 1, 1});
        content.write(algorithm);
        content.write(issuerDer);
        content.time(thisUpdate);
        if (nextUpdate != null) {
            content.time(nextUpdate);
        }
        // an empty SEQUENCE OF is left out altogether, as the builder does
        if (count > 0) {
            content.tagged(DerWriter.SEQUENCE, entries);
        }
        content.tagged(0xa0, extensionsDer);
        DerWriter tbs = new DerWriter(content.length() + 6);
        tbs.tagged(DerWriter.SEQUENCE, content);
        return tbs.toByteArray();
    }

    private static byte[] der(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
