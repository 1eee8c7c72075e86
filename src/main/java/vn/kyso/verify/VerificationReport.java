package vn.kyso.verify;

import java.time.Instant;
import java.util.List;

import vn.kyso.common.Bilingual;

/** The contract's verification result for one document. */
public record VerificationReport(
        String id,
        Indication indication,
        SubIndication subIndication,
        Bilingual verdict,
        Bilingual summary,
        String format,
        String documentSha256,
        long documentSize,
        Instant validationTime,
        Instant receivedAt,
        List<SignatureReport> signatures) {

    public VerificationReport with(String newId, List<SignatureReport> newSignatures) {
        return new VerificationReport(newId, indication, subIndication, verdict, summary, format, documentSha256,
                documentSize, validationTime, receivedAt, newSignatures);
    }
}
