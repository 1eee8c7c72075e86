package vn.kyso.verify.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;

/**
 * The pages in order, walked by hand: a page tree whose /Kids loop back must end, and we need each
 * page's object key to tell a changed page from a replaced one.
 */
final class PageTree {

    record Page(COSObjectKey key, COSDictionary dict) {
    }

    final List<Page> pages = new ArrayList<>();
    /** The intermediate /Pages nodes (root first). */
    final List<COSObjectKey> nodes = new ArrayList<>();
    COSDictionary root;
    COSObjectKey rootKey;

    private PageTree() {
    }

    static PageTree of(COSDictionary catalog, Deadline deadline, int maxPages) {
        PageTree tree = new PageTree();
        if (catalog == null) {
            return tree;
        }
        COSBase rootRaw = catalog.getItem(COSName.PAGES);
        tree.root = Cos.dict(rootRaw);
        tree.rootKey = Cos.key(rootRaw);
        Map<COSDictionary, Boolean> seen = new IdentityHashMap<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(rootRaw);
        while (!todo.isEmpty() && tree.pages.size() < maxPages) {
            deadline.check();
            COSBase raw = todo.pop();
            COSDictionary d = Cos.dict(raw);
            if (d == null || seen.put(d, Boolean.TRUE) != null) {
                continue;
            }
            COSArray kids = Cos.array(d.getItem(COSName.KIDS));
            boolean isNode = COSName.PAGES.equals(d.getCOSName(COSName.TYPE)) || (kids != null && !COSName.PAGE.equals(d.getCOSName(COSName.TYPE)));
            if (isNode) {
                if (Cos.key(raw) != null) {
                    tree.nodes.add(Cos.key(raw));
                }
                if (kids != null) {
                    for (int i = kids.size() - 1; i >= 0; i--) {
                        todo.push(kids.get(i));
                    }
                }
            } else {
                tree.pages.add(new Page(Cos.key(raw), d));
            }
        }
        return tree;
    }

    List<COSDictionary> dicts() {
        List<COSDictionary> list = new ArrayList<>();
        for (Page p : pages) {
            list.add(p.dict());
        }
        return list;
    }
}
