package vn.kyso.verify.pdf;

import java.util.Map;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/** One loaded revision: its trailer, catalog, pages and fields, found once and compared many times. */
final class Snapshot {

    final PDDocument document;
    final COSDocument cos;
    final COSDictionary trailer;
    final COSDictionary catalog;
    final COSObjectKey catalogKey;
    final PageTree pages;
    final Map<Object, SignatureFinder.Field> fields;
    final Map<COSObjectKey, Long> xref;

    Snapshot(PDDocument document, Deadline deadline, int maxPages) {
        this.document = document;
        this.cos = document.getDocument();
        this.trailer = cos.getTrailer();
        COSBase root = trailer == null ? null : trailer.getItem(COSName.ROOT);
        this.catalog = Cos.dict(root);
        this.catalogKey = Cos.key(root);
        this.pages = PageTree.of(catalog, deadline, maxPages);
        this.fields = SignatureFinder.fields(catalog, pages.dicts(), deadline);
        this.xref = cos.getXrefTable();
    }

    COSDictionary acroForm() {
        return catalog == null ? null : Cos.dict(catalog.getItem(COSName.ACRO_FORM));
    }

    boolean has(COSObjectKey key) {
        return key != null && xref.containsKey(key);
    }

    COSBase object(COSObjectKey key) {
        return has(key) ? cos.getObjectFromPool(key).getObject() : null;
    }

    /** Where the object's current definition starts in the file (its object stream's, when compressed). */
    long offset(COSObjectKey key) {
        Long offset = key == null ? null : xref.get(key);
        if (offset == null) {
            return -1;
        }
        if (offset < 0) {
            Long stream = xref.get(new COSObjectKey(-offset, 0));
            return stream == null ? -1 : stream;
        }
        return offset;
    }
}
