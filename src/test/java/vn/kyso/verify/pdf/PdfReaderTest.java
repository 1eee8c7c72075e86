package vn.kyso.verify.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.kyso.verify.pdf.PdfChange.Kind;
import vn.kyso.verify.pdf.PdfSignature.ByteRangeProblem;

class PdfReaderTest {

    private static byte[] unsigned;
    private static byte[] signed;

    @BeforeAll
    static void make() throws Exception {
        unsigned = TestPdfs.document(1);
        signed = TestPdfs.sign(unsigned, "Phe duyet");
    }

    private static PdfFacts read(byte[] pdf) throws PdfFormatException {
        return PdfReader.read(pdf, PdfLimits.defaults());
    }

    /** The kinds of change, leaving out metadata that every incremental save touches. */
    private static Set<Kind> kinds(PdfSignature s) {
        Set<Kind> kinds = s.laterChanges().stream().map(PdfChange::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        kinds.remove(Kind.METADATA);
        return kinds;
    }

    @Test
    void oneSignatureOverTheWholeFile() throws Exception {
        PdfFacts facts = read(signed);
        assertEquals(2, facts.revisionCount());
        assertEquals(1, facts.pageCount());
        assertEquals(1, facts.signatures().size());
        PdfSignature s = facts.signatures().get(0);
        assertNull(s.byteRangeProblem());
        assertEquals("adbe.pkcs7.detached", s.subFilter());
        assertFalse(s.documentTimestamp());
        assertEquals(2, s.revision());
        assertTrue(s.coversWholeDocument());
        assertTrue(s.contentsPaddingClean());
        assertEquals("Phe duyet", s.reason());
        assertEquals("Da Lat", s.location());
        assertEquals("Nguyen Van A", s.signerName());
        assertNull(s.certificationLevel());
        assertTrue(Duration.between(s.claimedSigningTime(), Instant.now()).abs().toMinutes() < 10);
        assertTrue(s.laterChanges().isEmpty(), s.laterChanges().toString());
        long[] range = TestPdfs.byteRange(signed);
        assertArrayEquals(range, s.byteRange());
        assertEquals(range[1] + range[3], s.signedBytes().length);
        assertEquals(signed.length, range[2] + range[3]);
        new CMSSignedData(s.cms()); // the DER without its padding parses
        assertEquals(s.cms().length, ByteRangeCheck.derLength(s.cms()));
    }

    @Test
    void twoSignaturesInTwoUpdates() throws Exception {
        byte[] twice = TestPdfs.sign(signed, "Dong y");
        PdfFacts facts = read(twice);
        assertEquals(3, facts.revisionCount());
        assertEquals(2, facts.signatures().size());
        PdfSignature first = facts.signatures().get(0);
        PdfSignature second = facts.signatures().get(1);
        assertEquals("Phe duyet", first.reason());
        assertEquals(2, first.revision());
        assertFalse(first.coversWholeDocument());
        assertNull(first.byteRangeProblem());
        assertEquals(Set.of(Kind.SIGNATURE), kinds(first), first.laterChanges().toString());
        assertTrue(first.laterChanges().stream().allMatch(c -> c.revision() == 3));
        assertEquals(3, second.revision());
        assertTrue(second.coversWholeDocument());
        assertTrue(second.laterChanges().isEmpty());
    }

    @Test
    void pageAddedAfterSigning() throws Exception {
        PdfFacts facts = read(TestPdfs.update(signed, TestPdfs::addPage));
        assertEquals(2, facts.pageCount());
        PdfSignature s = facts.signatures().get(0);
        assertEquals(Set.of(Kind.PAGE_ADDED), kinds(s), s.laterChanges().toString());
        assertTrue(s.laterChanges().contains(new PdfChange(Kind.PAGE_ADDED, 3, "page 2 added")));
    }

    @Test
    void pageContentReplacedAfterSigning() throws Exception {
        PdfSignature s = read(TestPdfs.update(signed, TestPdfs::replaceContent)).signatures().get(0);
        assertEquals(Set.of(Kind.CONTENT), kinds(s), s.laterChanges().toString());
        assertTrue(s.laterChanges().stream().anyMatch(c -> c.detail().equals("page 1: /Contents changed")));
    }

    @Test
    void annotationAddedAfterSigning() throws Exception {
        PdfSignature s = read(TestPdfs.update(signed, TestPdfs::addNote)).signatures().get(0);
        assertEquals(Set.of(Kind.ANNOTATION), kinds(s), s.laterChanges().toString());
    }

    @Test
    void textFieldFilledAfterSigning() throws Exception {
        PdfSignature s = read(TestPdfs.update(signed, TestPdfs::fillName)).signatures().get(0);
        assertEquals(Set.of(Kind.FORM_FILL), kinds(s), s.laterChanges().toString());
    }

    @Test
    void certificationSignature() throws Exception {
        PdfSignature s = read(TestPdfs.sign(unsigned, "Chung thuc", 1)).signatures().get(0);
        assertEquals(1, s.certificationLevel());
        assertNull(s.byteRangeProblem());
    }

    @Test
    void byteRangeNotFromStart() throws Exception {
        long[] r = TestPdfs.byteRange(signed);
        PdfSignature s = read(TestPdfs.withByteRange(signed, 5, r[1] - 5, r[2], r[3])).signatures().get(0);
        assertEquals(ByteRangeProblem.NOT_FROM_START, s.byteRangeProblem());
    }

    @Test
    void byteRangeOverlapping() throws Exception {
        long[] r = TestPdfs.byteRange(signed);
        PdfSignature s = read(TestPdfs.withByteRange(signed, 0, r[1], r[1] - 10, r[3] + 10)).signatures().get(0);
        assertEquals(ByteRangeProblem.OVERLAP, s.byteRangeProblem());
        assertNull(s.signedBytes());
    }

    @Test
    void byteRangeBeyondTheFile() throws Exception {
        long[] r = TestPdfs.byteRange(signed);
        PdfSignature s = read(TestPdfs.withByteRange(signed, 0, r[1], r[2], r[3] + 100)).signatures().get(0);
        assertEquals(ByteRangeProblem.BEYOND_FILE, s.byteRangeProblem());
        assertNull(s.signedBytes());
    }

    @Test
    void byteRangeGapThatIsNotTheContents() throws Exception {
        long[] r = TestPdfs.byteRange(signed);
        PdfSignature s = read(TestPdfs.withByteRange(signed, 0, r[1] - 20, r[2], r[3])).signatures().get(0);
        assertEquals(ByteRangeProblem.GAP_IS_NOT_CONTENTS, s.byteRangeProblem());
    }

    @Test
    void byteRangeNotEndingARevision() throws Exception {
        long[] r = TestPdfs.byteRange(signed);
        PdfSignature s = read(TestPdfs.withByteRange(signed, 0, r[1], r[2], r[3] - 30)).signatures().get(0);
        assertEquals(ByteRangeProblem.NOT_AT_REVISION_END, s.byteRangeProblem());
    }

    @Test
    void byteRangeMissingOrMalformed() throws Exception {
        long[] r = TestPdfs.byteRange(signed);
        PdfSignature three = read(TestPdfs.withByteRange(signed, 0, r[1], r[2])).signatures().get(0);
        assertEquals(ByteRangeProblem.MALFORMED, three.byteRangeProblem());
        String text = new String(signed, StandardCharsets.ISO_8859_1).replace("/ByteRange", "/ByteRangX");
        PdfSignature missing = read(text.getBytes(StandardCharsets.ISO_8859_1)).signatures().get(0);
        assertEquals(ByteRangeProblem.MISSING, missing.byteRangeProblem());
    }

    @Test
    void junkAfterTheDerInContents() throws Exception {
        long[] r = TestPdfs.byteRange(signed);
        PdfSignature clean = read(signed).signatures().get(0);
        int afterDer = (int) r[1] + 1 + clean.cms().length * 2;
        byte[] junk = signed.clone();
        junk[afterDer + 4] = 'A';
        junk[afterDer + 5] = 'B';
        PdfSignature s = read(junk).signatures().get(0);
        assertNull(s.byteRangeProblem());
        assertFalse(s.contentsPaddingClean());
        assertArrayEquals(clean.cms(), s.cms());
    }

    @Test
    void berWithIndefiniteLengthKeepsItsEndOfContents() {
        byte[] ber = {0x30, (byte) 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00};
        assertEquals(7, ByteRangeCheck.derLength(ber));
    }

    @Test
    void notAPdf() {
        assertThrows(PdfFormatException.class, () -> read(new byte[0]));
        assertThrows(PdfFormatException.class, () -> read("hello".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(PdfFormatException.class, () -> read("%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void unsignedDocumentHasNoSignatures() throws Exception {
        PdfFacts facts = read(unsigned);
        assertEquals(1, facts.revisionCount());
        assertTrue(facts.signatures().isEmpty());
        assertNotNull(facts.dssCertificates());
    }

    @Test
    void limitsAreEnforced() {
        assertThrows(PdfFormatException.class, () -> PdfReader.read(signed, new PdfLimits(5, 500, 100, Duration.ofSeconds(20))));
        assertThrows(PdfFormatException.class, () -> PdfReader.read(signed, new PdfLimits(200_000, 1, 100, Duration.ofSeconds(20))));
        assertThrows(PdfFormatException.class, () -> PdfReader.read(signed, new PdfLimits(200_000, 500, 0, Duration.ofSeconds(20))));
    }

    @Test
    void timeLimitEndsTheReadingAndItsThread() throws Exception {
        byte[] twice = TestPdfs.sign(signed, "Dong y");
        PdfFormatException e = assertThrows(PdfFormatException.class,
                () -> PdfReader.read(twice, new PdfLimits(200_000, 500, 100, Duration.ofNanos(1))));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        Thread.sleep(300);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("kyso-pdf-reader")));
    }

    @Test
    void signatureFieldOnlyReachableFromItsWidget() throws Exception {
        byte[] hidden = TestPdfs.update(signed, doc -> {
            var form = doc.getDocumentCatalog().getAcroForm().getCOSObject();
            var fields = form.getCOSArray(org.apache.pdfbox.cos.COSName.FIELDS);
            for (int i = fields.size() - 1; i >= 0; i--) {
                var field = (org.apache.pdfbox.cos.COSDictionary) fields.getObject(i);
                if (org.apache.pdfbox.cos.COSName.SIG.equals(field.getCOSName(org.apache.pdfbox.cos.COSName.FT))) {
                    fields.remove(i);
                }
            }
            fields.setNeedToBeUpdated(true);
            form.setNeedToBeUpdated(true);
        });
        PdfFacts facts = read(hidden);
        assertEquals(1, facts.signatures().size());
        PdfSignature s = facts.signatures().get(0);
        assertNull(s.byteRangeProblem());
        assertTrue(kinds(s).contains(Kind.OTHER), s.laterChanges().toString());
    }

    @Test
    void validationDataAddedAfterSigning() throws Exception {
        PdfFacts facts = read(TestPdfs.update(signed, TestPdfs::addDss));
        PdfSignature s = facts.signatures().get(0);
        assertEquals(Set.of(Kind.DSS), kinds(s), s.laterChanges().toString());
        assertEquals(1, facts.dssCertificates().size());
        assertArrayEquals(TestPdfs.certificate(), facts.dssCertificates().get(0));
        assertTrue(facts.dssCrls().isEmpty());
        assertTrue(facts.dssOcspResponses().isEmpty());
    }

    @Test
    void lockedFieldFilledAfterSigning() throws Exception {
        PdfSignature s = read(TestPdfs.update(TestPdfs.signLocking(unsigned, "ten"), TestPdfs::fillName))
                .signatures().get(0);
        assertTrue(kinds(s).contains(Kind.LOCKED_FIELD), s.laterChanges().toString());
        assertFalse(kinds(s).contains(Kind.OTHER), s.laterChanges().toString());
    }

    @Test
    void documentTimestampAfterASignatureAndASignatureAfterIt() throws Exception {
        byte[] stamped = TestPdfs.timestamp(signed);
        byte[] signedAgain = TestPdfs.sign(stamped, "Dong y");
        PdfFacts facts = read(signedAgain);
        assertEquals(3, facts.signatures().size());
        PdfSignature first = facts.signatures().get(0);
        PdfSignature timestamp = facts.signatures().get(1);
        assertTrue(timestamp.documentTimestamp());
        assertEquals("ETSI.RFC3161", timestamp.subFilter());
        assertNull(timestamp.byteRangeProblem());
        assertEquals(3, timestamp.revision());
        assertEquals(Set.of(Kind.DOCUMENT_TIMESTAMP, Kind.SIGNATURE), kinds(first), first.laterChanges().toString());
        assertTrue(first.laterChanges().stream().filter(c -> c.kind() == Kind.DOCUMENT_TIMESTAMP).allMatch(c -> c.revision() == 3), first.laterChanges().toString());
        assertTrue(first.laterChanges().stream().filter(c -> c.kind() == Kind.SIGNATURE).allMatch(c -> c.revision() == 4));
        assertEquals(Set.of(Kind.SIGNATURE), kinds(timestamp), timestamp.laterChanges().toString());
    }
}
