package vn.kyso.verify.pdf;

import java.time.Instant;
import java.util.List;

/**
 * One signature field (or document timestamp) as found in the file.
 * {@code cms} is the DER of /Contents without its zero padding (null when /Contents is missing or
 * not hex); {@code signedBytes} is what /ByteRange covers, concatenated (null when /ByteRange is
 * unusable). {@code byteRangeProblem} is null when /ByteRange is exactly [0 a b c] with the gap
 * holding /Contents and {@code b + c} at the end of a revision.
 * {@code laterChanges} lists what every later revision changed, classified.
 */
public record PdfSignature(
        String fieldName,
        String subFilter,
        boolean documentTimestamp,
        long[] byteRange,
        ByteRangeProblem byteRangeProblem,
        boolean contentsPaddingClean,
        byte[] cms,
        byte[] signedBytes,
        int revision,
        boolean coversWholeDocument,
        Instant claimedSigningTime,
        String reason,
        String location,
        String signerName,
        Integer certificationLevel,
        List<PdfChange> laterChanges) {

    public enum ByteRangeProblem {
        MISSING,
        MALFORMED,
        NOT_FROM_START,
        GAP_IS_NOT_CONTENTS,
        OVERLAP,
        BEYOND_FILE,
        NOT_AT_REVISION_END
    }
}
