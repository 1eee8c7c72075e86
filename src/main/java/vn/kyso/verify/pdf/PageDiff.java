package vn.kyso.verify.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;

import vn.kyso.verify.pdf.PdfChange.Kind;
import vn.kyso.verify.pdf.SignatureFinder.Field;

/**
 * Pages and their annotation lists compared between the signed revision and the final document.
 * Pages are matched by object number, so an inserted page is one PAGE_ADDED rather than every later
 * page "replaced"; a widget added for a new signature is part of that signature.
 */
final class PageDiff {

    /** Page entries compared elsewhere (annotations) or that only link back up the tree. */
    static final Set<COSName> PAGE_KEYS_IGNORED = Set.of(COSName.PARENT, COSName.ANNOTS,
            COSName.getPDFName("StructParents"));

    private final Snapshot signed;
    private final Snapshot last;
    private final ChangeLog log;
    private final Map<Object, Kind> newSignatures;

    PageDiff(Snapshot signed, Snapshot last, ChangeLog log, Map<Object, Kind> newSignatures) {
        this.signed = signed;
        this.last = last;
        this.log = log;
        this.newSignatures = newSignatures;
    }

    void compare() {
        PageTree a = signed.pages;
        PageTree b = last.pages;
        b.nodes.forEach(log::handled);
        if (a.root != null && b.root != null) {
            for (COSName key : Cos.changedKeys(a.root, b.root)) {
                if (!key.equals(COSName.KIDS) && !key.equals(COSName.COUNT) && !key.equals(COSName.PARENT)) {
                    log.add(Kind.CONTENT, b.rootKey, "page tree: /" + key.getName() + " " + ChangeLog.verb(a.root, b.root, key));
                }
            }
        }
        List<Object> before = pageIds(a);
        List<Object> after = pageIds(b);
        for (int i = 0; i < after.size(); i++) {
            if (!before.contains(after.get(i))) {
                log.add(Kind.PAGE_ADDED, b.pages.get(i).key(), "page " + (i + 1) + " added");
            }
        }
        for (int i = 0; i < before.size(); i++) {
            if (!after.contains(before.get(i))) {
                log.add(Kind.PAGE_REMOVED, b.rootKey, "page " + (i + 1) + " of the signed revision removed");
            }
        }
        List<Object> kept = new ArrayList<>(after);
        kept.retainAll(before);
        List<Object> keptBefore = new ArrayList<>(before);
        keptBefore.retainAll(after);
        if (!kept.equals(keptBefore)) {
            log.add(Kind.CONTENT, b.rootKey, "pages reordered");
        }
        for (int i = 0; i < b.pages.size(); i++) {
            PageTree.Page page = b.pages.get(i);
            log.handled(page.key());
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
                log.add(Kind.CONTENT, after.key(), "page " + number + ": /" + key.getName() + " "
                        + ChangeLog.verb(before.dict(), after.dict(), key));
            }
        }
        COSBase annotsRaw = after.dict().getItem(COSName.ANNOTS);
        if (Cos.key(annotsRaw) != null) {
            log.handled(Cos.key(annotsRaw));
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
                log.add(widget ? Kind.OTHER : Kind.ANNOTATION, after.key(), "page " + number + ": "
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
            log.add(Kind.OTHER, pageKey, "page " + page + ": /Annots gained a non-dictionary entry");
            return;
        }
        if (!COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))) {
            String subtype = d.getNameAsString(COSName.SUBTYPE);
            log.add(Kind.ANNOTATION, where, "page " + page + ": " + (subtype == null ? "" : "/" + subtype + " ")
                    + "annotation added (" + Cos.describe(Cos.key(raw)) + ")");
            return;
        }
        Field field = fieldOfWidget(d, Cos.key(raw));
        if (field != null && newSignatures.containsKey(field.identity())) {
            log.add(newSignatures.get(field.identity()), where, "page " + page + ": widget of new signature field '"
                    + field.name() + "' added");
        } else {
            log.add(Kind.OTHER, where, "page " + page + ": widget added"
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
}
