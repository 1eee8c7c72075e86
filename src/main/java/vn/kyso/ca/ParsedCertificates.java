package vn.kyso.ca;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificates that are read again and again, as parsed objects kept by their bytes: Kyso's CAs
 * and anchors, which every verification reads from the database, and the CA certificates nearly
 * every signed document carries. Parsing them each time was a fifth of a verification's CPU.
 * Keyed by the whole encoding, so a row that changes is simply parsed anew; bounded, and cleared
 * whole when full, because uploads bring certificates without end.
 */
public final class ParsedCertificates {

    /** Far more than the CAs and anchors one Kyso knows. */
    private static final int MAX = 512;
    private static final Map<ByteBuffer, X509Certificate> PARSED = new ConcurrentHashMap<>();

    private ParsedCertificates() {
    }

    public static X509Certificate of(byte[] der) {
        X509Certificate parsed = PARSED.get(ByteBuffer.wrap(der));
        if (parsed == null) {
            parsed = Pki.certificate(der);
            if (PARSED.size() >= MAX) {
                PARSED.clear();
            }
            // a copy for the key: the caller's array may change after this
            PARSED.put(ByteBuffer.wrap(der.clone()), parsed);
        }
        return parsed;
    }
}
