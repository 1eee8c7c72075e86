package vn.kyso.verify.pdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;

import vn.kyso.verify.pdf.PdfChange.Kind;

/**
 * The changes one diff has found, each credited to a revision, and the objects already compared
 * structurally (so the by-value pass does not report them a second time).
 */
final class ChangeLog {

    private final Snapshot last;
    private final List<RevisionScanner.End> ends;
    private final ObjectHeaders headers;
    private final long signedEnd;
    private final Set<PdfChange> changes = new LinkedHashSet<>();
    private final Set<COSObjectKey> handled = new HashSet<>();

    ChangeLog(Snapshot last, List<RevisionScanner.End> ends, ObjectHeaders headers, long signedEnd) {
        this.last = last;
        this.ends = ends;
        this.headers = headers;
        this.signedEnd = signedEnd;
    }

    void handled(COSObjectKey key) {
        if (key != null) {
            handled.add(key);
        }
    }

    boolean isHandled(COSObjectKey key) {
        return handled.contains(key);
    }

    List<PdfChange> list() {
        return new ArrayList<>(changes);
    }

    static String verb(COSDictionary before, COSDictionary after, COSName key) {
        if (before == null || !before.containsKey(key)) {
            return "added";
        }
        return after == null || !after.containsKey(key) ? "removed" : "changed";
    }

    void add(Kind kind, COSObjectKey where, String detail) {
        changes.add(new PdfChange(kind, revisionOf(where), detail));
    }

    /**
     * The first update after the signed revision that wrote the object (or its object stream);
     * for changes not tied to an object, the update right after the signed revision.
     */
    private int revisionOf(COSObjectKey key) {
        long offset = headers.firstAtOrAfter(key, signedEnd);
        if (offset < 0) {
            long written = last.offset(key);
            Long stream = key == null ? null : last.xref.get(key);
            offset = stream != null && stream < 0
                    ? headers.firstAtOrAfter(new COSObjectKey(-stream, 0), signedEnd) : written >= signedEnd ? written : -1;
        }
        if (offset < 0) {
            offset = signedEnd;
        }
        return Math.min(Math.max(1, ends.size()), RevisionScanner.revisionHolding(ends, offset));
    }
}
