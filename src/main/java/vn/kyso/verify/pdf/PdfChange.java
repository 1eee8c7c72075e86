package vn.kyso.verify.pdf;

/**
 * One change a later revision made to what a signature covered. {@code detail} is technical
 * English (object numbers, page numbers) for the report; {@code revision} counts from 1.
 */
public record PdfChange(Kind kind, int revision, String detail) {

    public enum Kind {
        /** A new signature: its field, widget, value and the AcroForm entries it needs. */
        SIGNATURE,
        DOCUMENT_TIMESTAMP,
        /** /DSS and /VRI: validation data added for long-term validation. */
        DSS,
        /**
         * Document information, XMP metadata, the trailer /ID or the catalog /Version: nothing a
         * viewer shows on a page.
         */
        METADATA,
        /** A form field's value filled in (not a signature field). */
        FORM_FILL,
        /** An annotation added, changed or removed (comments, stamps, links). */
        ANNOTATION,
        /** A field locked by a signature's FieldMDP changed. */
        LOCKED_FIELD,
        /** The signature's own dictionary (Reason, M, Name, ...) changed after signing. */
        SIGNATURE_DICTIONARY,
        PAGE_ADDED,
        PAGE_REMOVED,
        /** Page content, resources, fonts, images, or anything else that changes what is shown. */
        CONTENT,
        /** Anything the classifier could not explain. */
        OTHER
    }
}
