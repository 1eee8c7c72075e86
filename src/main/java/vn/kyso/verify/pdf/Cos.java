package vn.kyso.verify.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/** Small helpers over PDFBox's COS objects that never follow a reference cycle forever. */
final class Cos {

    /** Decoded streams larger than this are compared raw only: a flate bomb must not fill memory. */
    private static final int MAX_DECODED = 16 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;

    /**
     * Links up a tree (to a parent, an annotation's page, a structure element's page) that would make
     * everything reachable from everything; what they point to is reached from the top anyway.
     */
    private static final Set<COSName> BACK_LINKS = Set.of(COSName.PARENT, COSName.P, COSName.getPDFName("IRT"),
            COSName.getPDFName("Pg"));

    private Cos() {
    }

    static COSBase resolve(COSBase value) {
        return value instanceof COSObject o ? o.getObject() : value;
    }

    static COSDictionary dict(COSBase value) {
        return resolve(value) instanceof COSDictionary d ? d : null;
    }

    static COSArray array(COSBase value) {
        return resolve(value) instanceof COSArray a ? a : null;
    }

    static COSObjectKey key(COSBase value) {
        return value instanceof COSObject o ? new COSObjectKey(o.getObjectNumber(), o.getGenerationNumber()) : null;
    }

    static String describe(COSObjectKey key) {
        return key == null ? "a direct object" : "object " + key.getNumber() + " " + key.getGeneration() + " R";
    }

    static String text(COSDictionary d, COSName name) {
        return d == null ? null : resolve(d.getItem(name)) instanceof COSString s ? s.getString() : null;
    }

    /**
     * The indirect objects reachable from {@code start} without going back up a tree, in discovery order.
     * The walk stops at {@code limit} objects so a huge graph cannot run away.
     */
    static Set<COSObjectKey> reachable(COSBase start, Deadline deadline, int limit) {
        return reachable(start, deadline, limit, Set.of());
    }

    /** As {@link #reachable(COSBase, Deadline, int)}, not entering objects in {@code known}: their subgraphs were walked already. */
    static Set<COSObjectKey> reachable(COSBase start, Deadline deadline, int limit, Set<COSObjectKey> known) {
        Set<COSObjectKey> found = new LinkedHashSet<>();
        Map<COSBase, Boolean> seenDirect = new IdentityHashMap<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty() && found.size() < limit) {
            deadline.check();
            COSBase item = todo.pop();
            if (item instanceof COSObject o) {
                COSObjectKey key = key(o);
                if (known.contains(key) || !found.add(key)) {
                    continue;
                }
                item = o.getObject();
            }
            if (item == null || seenDirect.put(item, Boolean.TRUE) != null) {
                continue;
            }
            if (item instanceof COSDictionary d) {
                for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                    if (!BACK_LINKS.contains(e.getKey())) {
                        todo.push(e.getValue());
                    }
                }
            } else if (item instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.push(a.get(i));
                }
            }
        }
        return found;
    }

    /** Equal by value; references are equal when they name the same object (the caller compares objects one by one). */
    static boolean same(COSBase a, COSBase b) {
        return same(a, b, 0);
    }

    private static boolean same(COSBase a, COSBase b, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            COSObjectKey ka = key(a);
            COSObjectKey kb = key(b);
            return ka != null && ka.equals(kb);
        }
        if (a == null || a instanceof COSNull) {
            return b == null || b instanceof COSNull;
        }
        if (b == null) {
            return false;
        }
        if (a instanceof COSStream sa) {
            return b instanceof COSStream sb && sameEntries(sa, sb, depth) && sameData(sa, sb);
        }
        if (a instanceof COSDictionary da) {
            return b instanceof COSDictionary db && !(b instanceof COSStream) && sameEntries(da, db, depth);
        }
        if (a instanceof COSArray aa) {
            if (!(b instanceof COSArray ab) || aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!same(aa.get(i), ab.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString sa) {
            return b instanceof COSString sb && Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        if (a instanceof COSNumber na) {
            return b instanceof COSNumber nb && na.floatValue() == nb.floatValue()
                    && na.longValue() == nb.longValue();
        }
        if (a instanceof COSName || a instanceof COSBoolean) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean sameEntries(COSDictionary a, COSDictionary b, int depth) {
        Set<COSName> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (COSName k : keys) {
            // A stream's /Length follows from its data, which is compared anyway.
            if (k.equals(COSName.LENGTH) && a instanceof COSStream) {
                continue;
            }
            if (!same(a.getItem(k), b.getItem(k), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The top-level keys whose values differ (direct values compared deeply, references by number). */
    static Set<COSName> changedKeys(COSDictionary a, COSDictionary b) {
        Set<COSName> changed = new LinkedHashSet<>();
        Set<COSName> keys = new LinkedHashSet<>(a == null ? Set.of() : a.keySet());
        if (b != null) {
            keys.addAll(b.keySet());
        }
        for (COSName k : keys) {
            if (!same(a == null ? null : a.getItem(k), b == null ? null : b.getItem(k))) {
                changed.add(k);
            }
        }
        return changed;
    }

    private static boolean sameData(COSStream a, COSStream b) {
        try {
            byte[] ra;
            byte[] rb;
            try (InputStream ia = a.createRawInputStream(); InputStream ib = b.createRawInputStream()) {
                ra = ia.readAllBytes();
                rb = ib.readAllBytes();
            }
            if (Arrays.equals(ra, rb)) {
                return true;
            }
            byte[] da = decoded(a);
            byte[] db = decoded(b);
            return da != null && Arrays.equals(da, db);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded exceeded) {
                throw exceeded;
            }
            return false;
        }
    }

    /** The decoded data, or null when it cannot be decoded or is larger than {@link #MAX_DECODED}. */
    static byte[] decoded(COSStream s) {
        try (InputStream in = s.createInputStream()) {
            byte[] data = in.readNBytes(MAX_DECODED + 1);
            return data.length > MAX_DECODED ? null : data;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Exceeded exceeded) {
                throw exceeded;
            }
            return null;
        }
    }
}
