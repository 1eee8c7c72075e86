package vn.kyso.verify.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    private static final Set<COSName> PAGE_KEYS_IGNORED = Set.of(COSName.PARENT, COSName.ANNOTS,
            COSName.getPDFName("StructParents"));
    private static final Set<COSName> APPEARANCE_KEYS = Set.of(COSName.AP, COSName.AS, COSName.MK, COSName.DA,
            COSName.getPDFName("Q"), COSName.RECT, COSName.F);

    private record Role(Kind kind, String label) {
    }

    private final Snapshot signed;
    private final Snapshot last;
    private final List<RevisionScanner.End> ends;
    private final Deadline deadline;
    private final int maxObjects;
    private final ObjectHeaders headers;
    private final long signedEnd;

    private final Set<PdfChange> changes = new LinkedHashSet<>();
    private final Map<COSObjectKey, Role> roles = new LinkedHashMap<>();
    private final Set<COSObjectKey> handled = new HashSet<>();
    private final Map<Object, Kind> newSignatures = new HashMap<>();
    /** Existing fields' objects, claimed after page content and new signatures. */
    private final List<Map.Entry<COSBase, Role>> fieldClaims = new ArrayList<>();
    

    RevisionDiff(Snapshot signed, Snapshot last, List<RevisionScanner.End> ends, ObjectHeaders headers,
            long signedEnd, Deadline deadline, int maxObjects) {
        this.signed = signed;
        this.last = last;
        this.ends = ends;
        this.headers = headers;
        this.signedEnd = signedEnd;
        this.deadline = deadline;
        this.maxObjects = maxObjects;
    }

    /** @param own this signature's field in the final document; its dictionary is checked against the signed revision */
    List<PdfChange> changes(Field own, Predicate<String> locked) {
        findNewSignatures(own);
        compareCatalog();
        comparePages();
        compareFields(own, locked);
        compareAcroForm();
        compareTrailer();
        checkOwnDictionary(own.value(), own.valueKey());
        assignRoles();
        compareRemaining();
        return new ArrayList<>(changes);
    }

    private void add(Kind kind, COSObjectKey where, String detail) {
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
        handled.add(last.catalogKey);
        COSDictionary before = signed.catalog;
        COSDictionary after = last.catalog;
        if (before == null || after == null) {
            add(Kind.OTHER, last.catalogKey, "catalog missing");
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
            add(kind, last.catalogKey, "catalog: /" + key.getName() + " " + verb(before, after, key));
        }
    }

    private static String verb(COSDictionary before, COSDictionary after, COSName key) {
        if (before == null || !before.containsKey(key)) {
            return "added";
        }
        return after == null || !after.containsKey(key) ? "removed" : "changed";
    }

    private void comparePages() {
        PageTree a = signed.pages;
        PageTree b = last.pages;
        handled.addAll(b.nodes);
        if (a.root != null && b.root != null) {
            for (COSName key : Cos.changedKeys(a.root, b.root)) {
                if (!key.equals(COSName.KIDS) && !key.equals(COSName.COUNT) && !key.equals(COSName.PARENT)) {
                    add(Kind.CONTENT, b.rootKey, "page tree: /" + key.getName() + " " + verb(a.root, b.root, key));
                }
            }
        }
        List<Object> before = pageIds(a);
        List<Object> after = pageIds(b);
        for (int i = 0; i < after.size(); i++) {
            if (!before.contains(after.get(i))) {
                add(Kind.PAGE_ADDED, b.pages.get(i).key(), "page " + (i + 1) + " added");
            }
        }
        for (int i = 0; i < before.size(); i++) {
            if (!after.contains(before.get(i))) {
                add(Kind.PAGE_REMOVED, b.rootKey, "page " + (i + 1) + " of the signed revision removed");
            }
        }
        List<Object> kept = new ArrayList<>(after);
        kept.retainAll(before);
        List<Object> keptBefore = new ArrayList<>(before);
        keptBefore.retainAll(after);
        if (!kept.equals(keptBefore)) {
            add(Kind.CONTENT, b.rootKey, "pages reordered");
        }
        for (int i = 0; i < b.pages.size(); i++) {
            PageTree.Page page = b.pages.get(i);
            handled.add(page.key());
            int j = before.indexOf(after.get(i));
            if (j >= 0) {
                comparePage(i + 1, a.pages.get(j), page);
            }
        }
    }

    private static List<Object> pageIds(PageTree tree) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < tree.pages.size(); i++) {
            PageTree.Page p = tree.pages.get(i);
            ids.add(p.key() != null ? p.key() : "direct page " + i);
        }
        return ids;
    }

    private void comparePage(int number, PageTree.Page before, PageTree.Page after) {
        for (COSName key : Cos.changedKeys(before.dict(), after.dict())) {
            if (!PAGE_KEYS_IGNORED.contains(key)) {
                add(Kind.CONTENT, after.key(), "page " + number + ": /" + key.getName() + " "
                        + verb(before.dict(), after.dict(), key));
            }
        }
        COSBase annotsRaw = after.dict().getItem(COSName.ANNOTS);
        if (Cos.key(annotsRaw) != null) {
            handled.add(Cos.key(annotsRaw));
        }
        Map<Object, COSBase> old = annotations(before.dict());
        Map<Object, COSBase> now = annotations(after.dict());
        for (Map.Entry<Object, COSBase> e : now.entrySet()) {
            if (!old.containsKey(e.getKey())) {
                annotationAdded(number, after.key(), e.getValue());
            }
        }
        for (Map.Entry<Object, COSBase> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                COSDictionary d = Cos.dict(e.getValue());
                boolean widget = d != null && COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE));
                add(widget ? Kind.OTHER : Kind.ANNOTATION, after.key(), "page " + number + ": "
                        + (widget ? "widget " : "annotation ") + Cos.describe(Cos.key(e.getValue())) + " removed");
            }
        }
    }

    /** Annotations by identity: object key, or the value itself for the rare direct annotation. */
    private static Map<Object, COSBase> annotations(COSDictionary page) {
        Map<Object, COSBase> map = new LinkedHashMap<>();
        COSArray annots = Cos.array(page.getItem(COSName.ANNOTS));
        if (annots != null) {
            for (int i = 0; i < annots.size(); i++) {
                COSBase raw = annots.get(i);
                COSObjectKey key = Cos.key(raw);
                map.put(key != null ? key : "direct annotation " + i, raw);
            }
        }
        return map;
    }

    private void annotationAdded(int page, COSObjectKey pageKey, COSBase raw) {
        COSDictionary d = Cos.dict(raw);
        COSObjectKey where = Cos.key(raw) != null ? Cos.key(raw) : pageKey;
        if (d == null) {
            add(Kind.OTHER, pageKey, "page " + page + ": /Annots gained a non-dictionary entry");
            return;
        }
        if (!COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))) {
            String subtype = d.getNameAsString(COSName.SUBTYPE);
            add(Kind.ANNOTATION, where, "page " + page + ": " + (subtype == null ? "" : "/" + subtype + " ")
                    + "annotation added (" + Cos.describe(Cos.key(raw)) + ")");
            return;
        }
        Field field = fieldOfWidget(d, Cos.key(raw));
        if (field != null && newSignatures.containsKey(field.identity())) {
            add(newSignatures.get(field.identity()), where, "page " + page + ": widget of new signature field '"
                    + field.name() + "' added");
        } else {
            add(Kind.OTHER, where, "page " + page + ": widget added"
                    + (field == null ? "" : " for field '" + field.name() + "'"));
        }
    }

    private Field fieldOfWidget(COSDictionary widget, COSObjectKey key) {
        for (Field f : last.fields.values()) {
            if (f.dict() == widget || (key != null && key.equals(f.key()))) {
                return f;
            }
            COSArray kids = Cos.array(f.dict().getItem(COSName.KIDS));
            if (kids != null) {
                for (int i = 0; i < kids.size(); i++) {
                    if (Cos.dict(kids.get(i)) == widget) {
                        return f;
                    }
                }
            }
        }
        COSDictionary parent = Cos.dict(widget.getItem(COSName.PARENT));
        for (Field f : last.fields.values()) {
            if (parent != null && f.dict() == parent) {
                return f;
            }
        }
        return null;
    }

    private void compareFields(Field own, Predicate<String> locked) {
        for (Field after : last.fields.values()) {
            if (newSignatures.containsKey(after.identity())) {
                continue; // its objects are classified by role below
            }
            Field before = signed.fields.get(after.identity());
            if (before == null) {
                for (COSObjectKey k : Cos.reachable(after.dict(), deadline, maxObjects)) {
                    handled.add(k);
                }
                if (after == own) {
                    add(Kind.SIGNATURE_DICTIONARY, after.key(), "signature field '" + after.name()
                            + "' is not in the revision its signature covers");
                } else if (after.signed()) {
                    // a signature value that some earlier revision already held, moved into a new field
                    add(Kind.SIGNATURE_DICTIONARY, after.key(), "signature field '" + after.name()
                            + "' added holding an earlier signature's value");
                } else {
                    add(Kind.OTHER, after.key(), (after.signatureField() ? "empty signature field '" : "form field '")
                            + after.name() + "' added");
                }
                continue;
            }
            compareField(before, after, locked.test(after.name()));
        }
        for (Field before : signed.fields.values()) {
            if (!last.fields.containsKey(before.identity())) {
                add(Kind.OTHER, null, (before.signatureField() ? "signature field '" : "form field '")
                        + before.name() + "' removed");
            }
        }
    }

    private void compareField(Field before, Field after, boolean locked) {
        handled.add(after.key());
        boolean valueChanged = !sameValue(before.rawValue(), after.rawValue());
        Kind valueKind = after.signatureField() ? Kind.SIGNATURE_DICTIONARY : locked ? Kind.LOCKED_FIELD : Kind.FORM_FILL;
        Kind appearanceKind = after.signatureField() || !valueChanged ? Kind.CONTENT : valueKind;
        String label = (after.signatureField() ? "signature field '" : "field '") + after.name() + "'";
        if (after.signatureField() && after.valueKey() != null) {
            handled.add(after.valueKey());
            if (before.value() != null && after.value() != null && after.valueKey().equals(before.valueKey())) {
                for (COSName key : Cos.changedKeys(before.value(), after.value())) {
                    add(Kind.SIGNATURE_DICTIONARY, after.valueKey(),
                            Cos.describe(after.valueKey()) + ": /" + key.getName() + " " + verb(before.value(), after.value(), key));
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
                handled.add(kidKey);
                if (old == null) {
                    add(Kind.OTHER, kidKey, label + ": widget " + Cos.describe(kidKey) + " added");
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
            add(kind, where, label + ": /" + key.getName() + " " + verb(before, after, key));
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
        handled.add(where);
        if (after == null) {
            if (before != null) {
                add(Kind.OTHER, last.catalogKey, "catalog: /AcroForm removed");
            }
            return;
        }
        if (after.getItem(COSName.FIELDS) != null && Cos.key(after.getItem(COSName.FIELDS)) != null) {
            handled.add(Cos.key(after.getItem(COSName.FIELDS)));
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
            add(kind, where, "AcroForm: /" + key.getName() + " " + verb(before, after, key));
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
                add(kind, key, "AcroForm: /Fields gained " + describeField(id));
            }
        }
        for (Object id : old) {
            if (!now.contains(id)) {
                add(Kind.OTHER, where, "AcroForm: /Fields lost " + describeField(id));
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
                add(Kind.METADATA, null, "trailer: /" + key.getName() + " " + verb(before, after, key));
            } else if (key.equals(COSName.ENCRYPT)) {
                add(Kind.OTHER, null, "trailer: /Encrypt " + verb(before, after, key));
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
            handled.add(signatureKey);
        }
        Field matched = signedMatch(signature);
        COSDictionary match = matched == null ? null : matched.value();
        COSObjectKey matchKey = matched == null ? null : matched.valueKey();
        if (match == null) {
            add(Kind.SIGNATURE_DICTIONARY, signatureKey, Cos.describe(signatureKey)
                    + ": signature dictionary not in a field of the revision it signs");
            return;
        }
        if (signatureKey != null && !signatureKey.equals(matchKey)) {
            add(Kind.SIGNATURE_DICTIONARY, signatureKey, "signature dictionary moved from "
                    + Cos.describe(matchKey) + " to " + Cos.describe(signatureKey));
        }
        for (COSName key : Cos.changedKeys(match, signature)) {
            add(Kind.SIGNATURE_DICTIONARY, signatureKey,
                    Cos.describe(signatureKey) + ": /" + key.getName() + " " + verb(match, signature, key));
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
                if (!PAGE_KEYS_IGNORED.contains(e.getKey())) {
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
            if (handled.contains(key)) {
                continue;
            }
            Role role = e.getValue();
            if (!signed.has(key)) {
                add(role.kind(), key, role.label() + ": " + Cos.describe(key) + " added");
            } else if (!Cos.same(signed.object(key), last.object(key))) {
                add(role.kind(), key, role.label() + ": " + Cos.describe(key) + " changed");
            }
        }
    }
}
