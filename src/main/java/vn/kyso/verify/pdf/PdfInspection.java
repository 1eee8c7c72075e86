package vn.kyso.verify.pdf;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/** One reading of one PDF, run on the worker thread that {@link PdfReader} watches. */
final class PdfInspection {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName TRANSFORM_METHOD = COSName.getPDFName("TransformMethod");
    private static final COSName TRANSFORM_PARAMS = COSName.getPDFName("TransformParams");
    private static final COSName DOC_MDP = COSName.getPDFName("DocMDP");
    private static final COSName FIELD_MDP = COSName.getPDFName("FieldMDP");
    private static final COSName LOCK = COSName.getPDFName("Lock");
    private static final COSName ACTION = COSName.getPDFName("Action");

    private final byte[] pdf;
    private final PdfLimits limits;
    private final Deadline deadline;
    private final List<PDDocument> opened = new ArrayList<>();
    private final Map<Long, Snapshot> signedRevisions = new HashMap<>();
    private ObjectHeaders headers;

    PdfInspection(byte[] pdf, PdfLimits limits, Deadline deadline) {
        this.pdf = pdf;
        this.limits = limits;
        this.deadline = deadline;
    }

    PdfFacts run() throws PdfFormatException {
        try {
            return inspect();
        } finally {
            for (PDDocument d : opened) {
                try {
                    d.close();
                } catch (IOException | RuntimeException ignored) {
                    // nothing is written; closing only frees buffers
                }
            }
        }
    }

    private PdfFacts inspect() throws PdfFormatException {
        List<RevisionScanner.End> ends = RevisionScanner.ends(pdf);
        if (ends.size() > limits.maxRevisions()) {
            throw new PdfFormatException("The PDF has " + ends.size() + " revisions, more than the limit of "
                    + limits.maxRevisions());
        }
        Snapshot last = load(pdf.length, true);
        List<SignatureFinder.Field> signed = new ArrayList<>();
        for (SignatureFinder.Field f : last.fields.values()) {
            if (f.signed()) {
                signed.add(f);
            }
        }
        if (signed.size() > limits.maxSignatures()) {
            throw new PdfFormatException("The PDF has " + signed.size() + " signatures, more than the limit of "
                    + limits.maxSignatures());
        }
        List<Found> found = new ArrayList<>();
        for (SignatureFinder.Field f : signed) {
            found.add(signature(f, last, ends));
        }
        found.sort(Comparator.comparingLong(Found::order));
        List<PdfSignature> signatures = new ArrayList<>();
        for (Found f : found) {
            signatures.add(f.signature());
        }
        COSDictionary dss = last.catalog == null ? null : Cos.dict(last.catalog.getItem(DSS));
        return new PdfFacts(ends.size(), last.pages.pages.size(), List.copyOf(signatures),
                streams(dss, COSName.getPDFName("Certs")), streams(dss, COSName.getPDFName("CRLs")),
                streams(dss, COSName.getPDFName("OCSPs")));
    }

    private record Found(long order, PdfSignature signature) {
    }

    private Found signature(SignatureFinder.Field field, Snapshot last, List<RevisionScanner.End> ends) {
        deadline.check();
        COSDictionary v = field.value();
        ByteRangeCheck.Result range = ByteRangeCheck.check(v.getItem(COSName.BYTERANGE), v.getItem(COSName.CONTENTS),
                pdf, ends);
        ByteRangeCheck.Contents contents = ByteRangeCheck.contents(v.getItem(COSName.CONTENTS));
        List<PdfChange> changes = List.of();
        if (range.signedEnd() > 0 && range.signedEnd() < pdf.length) {
            changes = laterChanges(range.signedEnd(), field, last, ends);
        }
        PdfSignature signature = new PdfSignature(field.name(), v.getNameAsString(COSName.SUB_FILTER),
                field.documentTimestamp(), range.byteRange(), range.problem(), contents.paddingClean(),
                contents.cms(), range.signedBytes(), range.revision(), range.coversWholeDocument(),
                signingTime(v), Cos.text(v, COSName.REASON), Cos.text(v, COSName.LOCATION),
                Cos.text(v, COSName.NAME), certificationLevel(v), changes);
        return new Found(range.signedEnd() > 0 ? range.signedEnd() : Long.MAX_VALUE, signature);
    }

    private List<PdfChange> laterChanges(long signedEnd, SignatureFinder.Field field, Snapshot last,
            List<RevisionScanner.End> ends) {
        Snapshot before;
        try {
            before = signedRevisions.containsKey(signedEnd) ? signedRevisions.get(signedEnd) : load(signedEnd, false);
        } catch (PdfFormatException e) {
            before = null;
        }
        signedRevisions.put(signedEnd, before);
        if (before == null) {
            return List.of(new PdfChange(PdfChange.Kind.OTHER, ends.size(),
                    "the revision this signature covers cannot be read: " + signedEnd + " bytes"));
        }
        if (headers == null) {
            headers = new ObjectHeaders(pdf, deadline);
        }
        RevisionDiff diff = new RevisionDiff(before, last, ends, headers, signedEnd, deadline, limits.maxObjects());
        List<PdfChange> changes = new java.util.ArrayList<>(diff.changes(field, locks(field)));
        long tail = unfinishedTail(ends);
        if (tail > 0) {
            // Readers ignore an unfinished update; it is still bytes nobody signed, sent with the document.
            changes.add(new PdfChange(PdfChange.Kind.OTHER, ends.size() + 1,
                    tail + " bytes after the last %%EOF are not a complete revision"));
        }
        return List.copyOf(changes);
    }

    /** Bytes after the end of the last revision other than white space and NULs. */
    private long unfinishedTail(List<RevisionScanner.End> ends) {
        long from = ends.isEmpty() ? 0 : ends.get(ends.size() - 1).withEol();
        long count = 0;
        for (long i = from; i < pdf.length; i++) {
            byte b = pdf[(int) i];
            if (b != 0 && b != ' ' && b != '\r' && b != '\n' && b != '\t' && b != '\f') {
                count++;
            }
        }
        return count;
    }

    private Snapshot load(long length, boolean whole) throws PdfFormatException {
        byte[] bytes = whole ? pdf : java.util.Arrays.copyOf(pdf, (int) length);
        PDDocument document;
        try {
            document = Loader.loadPDF(new TimedReadBuffer(bytes, deadline));
        } catch (InvalidPasswordException e) {
            throw new PdfFormatException("The PDF is encrypted with a password", e);
        } catch (IOException e) {
            throw new PdfFormatException("The file is not a readable PDF: " + e.getMessage(), e);
        }
        opened.add(document);
        int objects = document.getDocument().getXrefTable().size();
        if (objects > limits.maxObjects()) {
            throw new PdfFormatException("The PDF has " + objects + " objects, more than the limit of "
                    + limits.maxObjects());
        }
        return new Snapshot(document, deadline, limits.maxObjects());
    }

    private static Instant signingTime(COSDictionary v) {
        try {
            Calendar date = new PDSignature(v).getSignDate();
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** DocMDP /P of a certification signature; 2 when the transform gives none. */
    private static Integer certificationLevel(COSDictionary v) {
        for (COSDictionary ref : references(v)) {
            if (DOC_MDP.equals(ref.getCOSName(TRANSFORM_METHOD))) {
                COSDictionary params = Cos.dict(ref.getItem(TRANSFORM_PARAMS));
                COSBase p = params == null ? null : Cos.resolve(params.getItem(COSName.P));
                return p instanceof COSNumber n ? n.intValue() : 2;
            }
        }
        return null;
    }

    private static List<COSDictionary> references(COSDictionary v) {
        List<COSDictionary> refs = new ArrayList<>();
        COSArray array = Cos.array(v.getItem(COSName.REFERENCE));
        for (int i = 0; array != null && i < array.size() && i < 16; i++) {
            COSDictionary ref = Cos.dict(array.get(i));
            if (ref != null) {
                refs.add(ref);
            }
        }
        return refs;
    }

    /** The fields this signature locks, from FieldMDP in its /Reference or its field's /Lock. */
    private static Predicate<String> locks(SignatureFinder.Field field) {
        List<COSDictionary> params = new ArrayList<>();
        for (COSDictionary ref : references(field.value())) {
            if (FIELD_MDP.equals(ref.getCOSName(TRANSFORM_METHOD)) && Cos.dict(ref.getItem(TRANSFORM_PARAMS)) != null) {
                params.add(Cos.dict(ref.getItem(TRANSFORM_PARAMS)));
            }
        }
        COSDictionary lock = Cos.dict(field.dict().getItem(LOCK));
        if (lock != null) {
            params.add(lock);
        }
        List<Predicate<String>> rules = new ArrayList<>();
        for (COSDictionary p : params) {
            String action = p.getNameAsString(ACTION);
            Set<String> names = new HashSet<>();
            COSArray fields = Cos.array(p.getItem(COSName.FIELDS));
            for (int i = 0; fields != null && i < fields.size(); i++) {
                String name = Cos.resolve(fields.get(i)) instanceof org.apache.pdfbox.cos.COSString s ? s.getString() : null;
                if (name != null) {
                    names.add(name);
                }
            }
            if ("All".equals(action)) {
                rules.add(n -> true);
            } else if ("Include".equals(action)) {
                rules.add(names::contains);
            } else if ("Exclude".equals(action)) {
                rules.add(n -> !names.contains(n));
            }
        }
        return name -> rules.stream().anyMatch(r -> r.test(name));
    }

    private List<byte[]> streams(COSDictionary dss, COSName key) {
        List<byte[]> list = new ArrayList<>();
        COSArray array = dss == null ? null : Cos.array(dss.getItem(key));
        for (int i = 0; array != null && i < array.size() && i < limits.maxObjects(); i++) {
            deadline.check();
            if (Cos.resolve(array.get(i)) instanceof COSStream s) {
                byte[] data = Cos.decoded(s);
                if (data != null) {
                    list.add(data);
                }
            }
        }
        return List.copyOf(list);
    }
}
