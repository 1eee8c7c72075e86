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
 * <p>
 * Details: {@code byteRange} is null only when /ByteRange is missing (entries that are not integers
 * read as 0). {@code signedBytes} is given whenever the two ranges lie inside the file without
 * overlapping, even when another problem is reported, so the hash can still be checked.
 * {@code revision} is 0 when no revision ends at {@code b + c}. {@code contentsPaddingClean} is false
 * when the outer DER (or BER, indefinite lengths included) length cannot be read.
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
