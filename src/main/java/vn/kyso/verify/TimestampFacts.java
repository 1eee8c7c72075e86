package vn.kyso.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;

import vn.kyso.verify.path.PathResult;

/**
 * An RFC 3161 timestamp over a signature value (or, for a PDF document timestamp, over the
 * document). {@code error} is null when the token was read and its own signature verified.
 */
public record TimestampFacts(
        Instant genTime,
        boolean imprintMatches,
        boolean tokenSignatureValid,
        X509Certificate tsa,
        PathResult tsaPath,
        String error) {

    public boolean valid() {
        return error == null && imprintMatches && tokenSignatureValid && tsaPath != null && tsaPath.valid();
    }
}
