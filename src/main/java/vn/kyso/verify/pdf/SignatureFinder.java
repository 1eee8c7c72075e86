package vn.kyso.verify.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;

/**
 * Finds form fields, and among them the signature fields holding a value, through the AcroForm
 * /Fields tree and through the widget annotations of every page: a field reachable only from a
 * widget is still shown by viewers, so it must not escape the check.
 */
final class SignatureFinder {

    static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");
    private static final int MAX_DEPTH = 32;

    /** A terminal field (or a widget merged with its field). {@code identity} is its object key or its name. */
    record Field(Object identity, COSObjectKey key, String name, COSDictionary dict, boolean signatureField,
            COSBase rawValue) {

        COSDictionary value() {
            return Cos.dict(rawValue);
        }

        COSObjectKey valueKey() {
            return Cos.key(rawValue);
        }

        /** A signature field that holds a signature or document timestamp dictionary. */
        boolean signed() {
            COSDictionary v = value();
            return signatureField && v != null
                    && (v.containsKey(COSName.BYTERANGE) || v.containsKey(COSName.CONTENTS));
        }

        boolean documentTimestamp() {
            COSDictionary v = value();
            return v != null && (DOC_TIME_STAMP.equals(v.getCOSName(COSName.TYPE))
                    || "ETSI.RFC3161".equals(v.getNameAsString(COSName.SUB_FILTER)));
        }
    }

    private SignatureFinder() {
    }

    /** Every terminal field, keyed by identity, in discovery order (AcroForm order first). */
    static Map<Object, Field> fields(COSDictionary catalog, List<COSDictionary> pages, Deadline deadline) {
        Map<Object, Field> fields = new LinkedHashMap<>();
        Map<COSDictionary, Boolean> seen = new IdentityHashMap<>();
        COSDictionary acroForm = catalog == null ? null : Cos.dict(catalog.getItem(COSName.ACRO_FORM));
        if (acroForm != null) {
            COSArray top = Cos.array(acroForm.getItem(COSName.FIELDS));
            Deque<COSBase> todo = new ArrayDeque<>();
            Deque<Integer> depths = new ArrayDeque<>();
            if (top != null) {
                for (int i = top.size() - 1; i >= 0; i--) {
                    todo.push(top.get(i));
                    depths.push(0);
                }
            }
            while (!todo.isEmpty()) {
                deadline.check();
                COSBase raw = todo.pop();
                int depth = depths.pop();
                COSDictionary d = Cos.dict(raw);
                if (d == null || depth > MAX_DEPTH || seen.put(d, Boolean.TRUE) != null) {
                    continue;
                }
                COSArray kids = Cos.array(d.getItem(COSName.KIDS));
                if (kids != null && hasFieldKids(kids)) {
                    for (int i = kids.size() - 1; i >= 0; i--) {
                        todo.push(kids.get(i));
                        depths.push(depth + 1);
                    }
                    continue;
                }
                add(fields, raw, d);
            }
        }
        for (COSDictionary page : pages) {
            COSArray annots = Cos.array(page.getItem(COSName.ANNOTS));
            if (annots == null) {
                continue;
            }
            for (int i = 0; i < annots.size(); i++) {
                deadline.check();
                COSBase raw = annots.get(i);
                COSDictionary widget = Cos.dict(raw);
                if (widget == null || !COSName.WIDGET.equals(widget.getCOSName(COSName.SUBTYPE))) {
                    continue;
                }
                // A widget with a /T is itself the field; otherwise the field is its parent.
                COSBase fieldRaw = widget.containsKey(COSName.T) || !widget.containsKey(COSName.PARENT)
                        ? raw : widget.getItem(COSName.PARENT);
                COSDictionary field = Cos.dict(fieldRaw);
                if (field != null && seen.put(field, Boolean.TRUE) == null) {
                    add(fields, fieldRaw, field);
                }
            }
        }
        return fields;
    }

    /** Kids that are fields (have /T) rather than plain widgets of this field. */
    private static boolean hasFieldKids(COSArray kids) {
        for (int i = 0; i < kids.size(); i++) {
            COSDictionary kid = Cos.dict(kids.get(i));
            if (kid != null && kid.containsKey(COSName.T)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<Object, Field> fields, COSBase raw, COSDictionary d) {
        COSObjectKey key = Cos.key(raw);
        String name = fullName(d);
        boolean sig = COSName.SIG.equals(inherited(d, COSName.FT));
        Object identity = key != null ? key : "name:" + name;
        fields.putIfAbsent(identity, new Field(identity, key, name, d, sig, inheritedRaw(d, COSName.V)));
    }

    static String fullName(COSDictionary d) {
        List<String> parts = new ArrayList<>();
        Set<COSDictionary> seen = new HashSet<>();
        for (COSDictionary f = d; f != null && parts.size() < MAX_DEPTH && seen.add(f);
                f = Cos.dict(f.getItem(COSName.PARENT))) {
            String t = Cos.text(f, COSName.T);
            if (t != null) {
                parts.add(0, t);
            }
        }
        return String.join(".", parts);
    }

    private static COSName inherited(COSDictionary d, COSName key) {
        return Cos.resolve(inheritedRaw(d, key)) instanceof COSName n ? n : null;
    }

    private static COSBase inheritedRaw(COSDictionary d, COSName key) {
        COSDictionary f = d;
        for (int i = 0; f != null && i < MAX_DEPTH; i++, f = Cos.dict(f.getItem(COSName.PARENT))) {
            if (f.containsKey(key)) {
                return f.getItem(key);
            }
        }
        return null;
    }
}
