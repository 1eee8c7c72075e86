package vn.kyso.verify.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;

import vn.kyso.verify.pdf.PdfChange.Kind;
import vn.kyso.verify.pdf.SignatureFinder.Field;

/**
 * What changed between the revision a signature covers and the final document, in the manner of
 * EU DSS's "PDF object modifications": the structures whose meaning we know (catalog, pages,
 * annotations lists, AcroForm, fields, signature dictionaries) are compared entry by entry; every
 * other indirect object reachable from the final catalog is compared by value and classified by the
 * structure it was reached from. Objects reachable from page content are claimed first, so an object
 * shared by a page and a new signature's appearance still counts as page content when it changes.
 */
final class RevisionDiff {

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    private static final COSName OC_PROPERTIES = COSName.getPDFName("OCProperties");
    private static final COSName SIG_FLAGS = COSName.getPDFName("SigFlags");
    private static final COSName NEED_APPEARANCES = COSName.getPDFName("NeedAppearances");
    private static final Set<COSName> APPEARANCE_KEYS = Set.of(COSName.AP, COSName.AS, COSName.MK, COSName.DA,
            COSName.getPDFName("Q"), COSName.RECT, COSName.F);

    private record Role(Kind kind, String label) {
    }

    private final Snapshot signed;
    private final Snapshot last;
    private final Deadline deadline;
    private final int maxObjects;
    private final ChangeLog log;

    private final Map<COSObjectKey, Role> roles = new LinkedHashMap<>();
    private final Map<Object, Kind> newSignatures = new HashMap<>();
    /** Existing fields' objects, claimed after page content and new signatures. */
    private final List<Map.Entry<COSBase, Role>> fieldClaims = new ArrayList<>();
    

    RevisionDiff(Snapshot signed, Snapshot last, List<RevisionScanner.End> ends, ObjectHeaders headers,
            long signedEnd, Deadline deadline, int maxObjects) {
        this.signed = signed;
        this.last = last;
        this.deadline = deadline;
        this.maxObjects = maxObjects;
        this.log = new ChangeLog(last, ends, headers, signedEnd);
    }

    /** @param own this signature's field in the final document; its dictionary is checked against the signed revision */
    List<PdfChange> changes(Field own, Predicate<String> locked) {
        findNewSignatures(own);
        compareCatalog();
        new PageDiff(signed, last, log, newSignatures).compare();
        compareFields(own, locked);
        compareAcroForm();
        compareTrailer();
        checkOwnDictionary(own.value(), own.valueKey());
        assignRoles();
        compareRemaining();
        return log.list();
    }


    /**
     * A signature is new when its dictionary (byte range and value) is not one the signed revision
     * already holds: a copy of an old signature moved into a new field is a spoof, not a signature.
     */
    private void findNewSignatures(Field own) {
        for (Field f : last.fields.values()) {
            if (f != own && f.signed() && !heldBefore(f.value())) {
                newSignatures.put(f.identity(), f.documentTimestamp() ? Kind.DOCUMENT_TIMESTAMP : Kind.SIGNATURE);
            }
        }
    }

    private boolean heldBefore(COSDictionary value) {
        return signedMatch(value) != null;
    }

    /** The signed revision's field whose signature dictionary has the same /ByteRange and /Contents. */
    private Field signedMatch(COSDictionary value) {
        for (Field f : signed.fields.values()) {
            COSDictionary v = f.value();
            if (v != null && Cos.same(v.getItem(COSName.BYTERANGE), value.getItem(COSName.BYTERANGE))
                    && Cos.same(v.getItem(COSName.CONTENTS), value.getItem(COSName.CONTENTS))) {
                return f;
            }
        }
        return null;
    }

    private Kind newSignatureKind() {
        return newSignatures.containsValue(Kind.SIGNATURE) || !newSignatures.containsValue(Kind.DOCUMENT_TIMESTAMP)
                ? Kind.SIGNATURE : Kind.DOCUMENT_TIMESTAMP;
    }

    private void compareCatalog() {
        log.handled(last.catalogKey);
        COSDictionary before = signed.catalog;
        COSDictionary after = last.catalog;
        if (before == null || after == null) {
            log.add(Kind.OTHER, last.catalogKey, "catalog missing");
            return;
        }
        for (COSName key : Cos.changedKeys(before, after)) {
            if (key.equals(COSName.PAGES) || key.equals(COSName.ACRO_FORM)) {
                continue; // compared structurally: a new object number alone is no change
            }
            Kind kind;
            if (key.equals(DSS)) {
                kind = Kind.DSS;
            } else if (key.equals(EXTENSIONS)) {
                kind = after.containsKey(DSS) ? Kind.DSS : Kind.OTHER;
            } else if (key.equals(COSName.METADATA) || key.equals(COSName.VERSION)) {
                kind = Kind.METADATA;
            } else if (key.equals(OC_PROPERTIES)) {
                kind = Kind.CONTENT;
            } else {
                kind = Kind.OTHER;
            }
            log.add(kind, last.catalogKey, "catalog: /" + key.getName() + " " + ChangeLog.verb(before, after, key));
        }
    }

    private void compareFields(Field own, Predicate<String> locked) {
        for (Field after : last.fields.values()) {
            if (newSignatures.containsKey(after.identity())) {
                continue; // its objects are classified by role below
            }
            Field before = signed.fields.get(after.identity());
            if (before == null) {
                for (COSObjectKey k : Cos.reachable(after.dict(), deadline, maxObjects)) {
                    log.handled(k);
                }
                if (after == own) {
                    log.add(Kind.SIGNATURE_DICTIONARY, after.key(), "signature field '" + after.name()
                            + "' is not in the revision its signature covers");
                } else if (after.signed()) {
                    // a signature value that some earlier revision already held, moved into a new field
                    log.add(Kind.SIGNATURE_DICTIONARY, after.key(), "signature field '" + after.name()
                            + "' added holding an earlier signature's value");
                } else {
                    log.add(Kind.OTHER, after.key(), (after.signatureField() ? "empty signature field '" : "form field '")
                            + after.name() + "' added");
                }
                continue;
            }
            compareField(before, after, locked.test(after.name()));
        }
        for (Field before : signed.fields.values()) {
            if (!last.fields.containsKey(before.identity())) {
                log.add(Kind.OTHER, null, (before.signatureField() ? "signature field '" : "form field '")
                        + before.name() + "' removed");
            }
        }
    }

    private void compareField(Field before, Field after, boolean locked) {
        log.handled(after.key());
        boolean valueChanged = !sameValue(before.rawValue(), after.rawValue());
        Kind valueKind = after.signatureField() ? Kind.SIGNATURE_DICTIONARY : locked ? Kind.LOCKED_FIELD : Kind.FORM_FILL;
        Kind appearanceKind = after.signatureField() || !valueChanged ? Kind.CONTENT : valueKind;
        String label = (after.signatureField() ? "signature field '" : "field '") + after.name() + "'";
        if (after.signatureField() && after.valueKey() != null) {
            log.handled(after.valueKey());
            if (before.value() != null && after.value() != null && after.valueKey().equals(before.valueKey())) {
                for (COSName key : Cos.changedKeys(before.value(), after.value())) {
                    log.add(Kind.SIGNATURE_DICTIONARY, after.valueKey(),
                            Cos.describe(after.valueKey()) + ": /" + key.getName() + " " + ChangeLog.verb(before.value(), after.value(), key));
                }
            }
        }
        compareFieldDict(before.dict(), after.dict(), after.key(), label, valueKind, appearanceKind);
        COSArray beforeKids = Cos.array(before.dict().getItem(COSName.KIDS));
        COSArray afterKids = Cos.array(after.dict().getItem(COSName.KIDS));
        if (afterKids != null) {
            for (int i = 0; i < afterKids.size(); i++) {
                COSObjectKey kidKey = Cos.key(afterKids.get(i));
                COSDictionary kid = Cos.dict(afterKids.get(i));
                COSDictionary old = kidKey != null && signed.has(kidKey) ? Cos.dict(signed.object(kidKey))
                        : beforeKids != null && i < beforeKids.size() ? Cos.dict(beforeKids.get(i)) : null;
                if (kid == null) {
                    continue;
                }
                log.handled(kidKey);
                if (old == null) {
                    log.add(Kind.OTHER, kidKey, label + ": widget " + Cos.describe(kidKey) + " added");
                } else {
                    compareFieldDict(old, kid, kidKey, label + " widget", valueKind, appearanceKind);
                }
                fieldClaims.add(Map.entry(kid, new Role(appearanceKind, label + " appearance")));
            }
        }
        fieldClaims.add(Map.entry(after.dict(), new Role(appearanceKind, label + " appearance")));
    }

    private void compareFieldDict(COSDictionary before, COSDictionary after, COSObjectKey where, String label,
            Kind valueKind, Kind appearanceKind) {
        for (COSName key : Cos.changedKeys(before, after)) {
            Kind kind;
            if (key.equals(COSName.V)) {
                kind = valueKind;
            } else if (APPEARANCE_KEYS.contains(key)) {
                kind = appearanceKind;
            } else if (key.equals(COSName.KIDS) || key.equals(COSName.PARENT) || key.equals(COSName.P)
                    || key.equals(COSName.getPDFName("StructParent"))) {
                continue; // widgets and fields are compared on their own
            } else {
                kind = Kind.OTHER;
            }
            log.add(kind, where, label + ": /" + key.getName() + " " + ChangeLog.verb(before, after, key));
        }
    }

    private boolean sameValue(COSBase before, COSBase after) {
        if (!Cos.same(before, after)) {
            return false;
        }
        COSObjectKey key = Cos.key(after);
        return key == null || Cos.same(signed.object(key), last.object(key));
    }

    private void compareAcroForm() {
        COSDictionary before = signed.acroForm();
        COSDictionary after = last.acroForm();
        COSObjectKey where = last.catalog == null ? null : Cos.key(last.catalog.getItem(COSName.ACRO_FORM));
        where = where != null ? where : last.catalogKey;
        log.handled(where);
        if (after == null) {
            if (before != null) {
                log.add(Kind.OTHER, last.catalogKey, "catalog: /AcroForm removed");
            }
            return;
        }
        if (after.getItem(COSName.FIELDS) != null && Cos.key(after.getItem(COSName.FIELDS)) != null) {
            log.handled(Cos.key(after.getItem(COSName.FIELDS)));
        }
        // Default resources and appearance for form fields show nothing by themselves; PDFBox adds them on many saves.
        Kind extras = !newSignatures.isEmpty() ? newSignatureKind() : Kind.FORM_FILL;
        for (COSName key : before == null ? after.keySet() : Cos.changedKeys(before, after)) {
            Kind kind;
            if (key.equals(COSName.FIELDS)) {
                compareTopFields(before, after, where);
                continue;
            } else if (key.equals(SIG_FLAGS)) {
                kind = newSignatures.isEmpty() ? Kind.OTHER : newSignatureKind();
            } else if (key.equals(COSName.DR) || key.equals(COSName.DA)) {
                kind = extras;
            } else if (key.equals(NEED_APPEARANCES)) {
                kind = Kind.FORM_FILL;
            } else {
                kind = Kind.OTHER;
            }
            log.add(kind, where, "AcroForm: /" + key.getName() + " " + ChangeLog.verb(before, after, key));
        }
        COSBase dr = after.getItem(COSName.DR);
        if (dr != null) {
            claim(dr, new Role(extras, "AcroForm /DR"));
        }
    }

    /**
     * Each field the top-level /Fields gained or lost, one change each, so that a timestamp and a
     * signature added in two updates are told apart.
     */
    private void compareTopFields(COSDictionary before, COSDictionary after, COSObjectKey where) {
        Set<Object> old = topFields(before);
        Set<Object> now = topFields(after);
        for (Object id : now) {
            if (!old.contains(id)) {
                Kind kind = newSignatures.getOrDefault(id, Kind.OTHER);
                COSObjectKey key = id instanceof COSObjectKey k ? k : where;
                log.add(kind, key, "AcroForm: /Fields gained " + describeField(id));
            }
        }
        for (Object id : old) {
            if (!now.contains(id)) {
                log.add(Kind.OTHER, where, "AcroForm: /Fields lost " + describeField(id));
            }
        }
    }

    private String describeField(Object id) {
        Field f = last.fields.get(id);
        if (f == null) {
            f = signed.fields.get(id);
        }
        if (f != null) {
            return "field '" + f.name() + "'";
        }
        return id instanceof COSObjectKey k ? Cos.describe(k) : String.valueOf(id);
    }

    private static Set<Object> topFields(COSDictionary acroForm) {
        Set<Object> ids = new LinkedHashSet<>();
        COSArray fields = acroForm == null ? null : Cos.array(acroForm.getItem(COSName.FIELDS));
        if (fields != null) {
            for (int i = 0; i < fields.size(); i++) {
                COSObjectKey key = Cos.key(fields.get(i));
                COSDictionary d = Cos.dict(fields.get(i));
                ids.add(key != null ? key : "name:" + (d == null ? "" : SignatureFinder.fullName(d)));
            }
        }
        return ids;
    }

    private void compareTrailer() {
        COSDictionary before = signed.trailer;
        COSDictionary after = last.trailer;
        if (before == null || after == null) {
            return;
        }
        for (COSName key : Cos.changedKeys(before, after)) {
            if (key.equals(COSName.INFO) || key.equals(COSName.ID)) {
                log.add(Kind.METADATA, null, "trailer: /" + key.getName() + " " + ChangeLog.verb(before, after, key));
            } else if (key.equals(COSName.ENCRYPT)) {
                log.add(Kind.OTHER, null, "trailer: /Encrypt " + ChangeLog.verb(before, after, key));
            }
            // /Size, /Prev, /XRefStm and /Root change with every update; the catalog is compared itself.
        }
    }

    /** This signature's dictionary must be in the revision it signs, unchanged (DSS: "dictionary consistent"). */
    private void checkOwnDictionary(COSDictionary signature, COSObjectKey signatureKey) {
        if (signature == null) {
            return;
        }
        if (signatureKey != null) {
            log.handled(signatureKey);
        }
        Field matched = signedMatch(signature);
        COSDictionary match = matched == null ? null : matched.value();
        COSObjectKey matchKey = matched == null ? null : matched.valueKey();
        if (match == null) {
            log.add(Kind.SIGNATURE_DICTIONARY, signatureKey, Cos.describe(signatureKey)
                    + ": signature dictionary not in a field of the revision it signs");
            return;
        }
        if (signatureKey != null && !signatureKey.equals(matchKey)) {
            log.add(Kind.SIGNATURE_DICTIONARY, signatureKey, "signature dictionary moved from "
                    + Cos.describe(matchKey) + " to " + Cos.describe(signatureKey));
        }
        for (COSName key : Cos.changedKeys(match, signature)) {
            log.add(Kind.SIGNATURE_DICTIONARY, signatureKey,
                    Cos.describe(signatureKey) + ": /" + key.getName() + " " + ChangeLog.verb(match, signature, key));
        }
    }

    /** Gives every reachable indirect object its role; the first claim wins, page content first. */
    private void assignRoles() {
        PageTree pages = last.pages;
        if (pages.root != null) {
            for (Map.Entry<COSName, COSBase> e : pages.root.entrySet()) {
                if (!e.getKey().equals(COSName.KIDS) && !e.getKey().equals(COSName.PARENT)) {
                    claim(e.getValue(), new Role(Kind.CONTENT, "page tree /" + e.getKey().getName()));
                }
            }
        }
        for (int i = 0; i < pages.pages.size(); i++) {
            for (Map.Entry<COSName, COSBase> e : pages.pages.get(i).dict().entrySet()) {
                if (!PageDiff.PAGE_KEYS_IGNORED.contains(e.getKey())) {
                    claim(e.getValue(), new Role(Kind.CONTENT, "page " + (i + 1) + " /" + e.getKey().getName()));
                }
            }
        }
        for (Field f : last.fields.values()) {
            Kind kind = newSignatures.get(f.identity());
            if (kind != null) {
                claimIncludingSelf(f, new Role(kind, "new signature field '" + f.name() + "'"));
            }
        }
        for (Map.Entry<COSBase, Role> e : fieldClaims) {
            claim(e.getKey(), e.getValue());
        }
        for (int i = 0; i < pages.pages.size(); i++) {
            COSArray annots = Cos.array(pages.pages.get(i).dict().getItem(COSName.ANNOTS));
            for (int j = 0; annots != null && j < annots.size(); j++) {
                claim(annots.get(j), new Role(Kind.ANNOTATION, "page " + (i + 1) + " annotation"));
            }
        }
        if (last.catalog != null) {
            claim(last.catalog.getItem(DSS), new Role(Kind.DSS, "DSS"));
            claim(last.catalog.getItem(COSName.METADATA), new Role(Kind.METADATA, "XMP metadata"));
        }
        if (last.trailer != null) {
            claim(last.trailer.getItem(COSName.INFO), new Role(Kind.METADATA, "document information"));
        }
        if (last.catalog != null) {
            for (Map.Entry<COSName, COSBase> e : last.catalog.entrySet()) {
                Kind kind = e.getKey().equals(OC_PROPERTIES) ? Kind.CONTENT : Kind.OTHER;
                claim(e.getValue(), new Role(kind, "catalog /" + e.getKey().getName()));
            }
        }
    }

    private void claimIncludingSelf(Field f, Role role) {
        if (f.key() != null) {
            roles.putIfAbsent(f.key(), role);
        }
        claim(f.dict(), role);
    }

    private void claim(COSBase start, Role role) {
        if (start == null) {
            return;
        }
        for (COSObjectKey key : Cos.reachable(start, deadline, maxObjects, roles.keySet())) {
            roles.putIfAbsent(key, role);
        }
    }

    private void compareRemaining() {
        for (Map.Entry<COSObjectKey, Role> e : roles.entrySet()) {
            deadline.check();
            COSObjectKey key = e.getKey();
            if (log.isHandled(key)) {
                continue;
            }
            Role role = e.getValue();
            if (!signed.has(key)) {
                log.add(role.kind(), key, role.label() + ": " + Cos.describe(key) + " added");
            } else if (!Cos.same(signed.object(key), last.object(key))) {
                log.add(role.kind(), key, role.label() + ": " + Cos.describe(key) + " changed");
            }
        }
    }
}
