package vn.kyso.verify.pdf;

import java.util.List;

/**
 * What a PDF holds that signature validation needs, found without judging any of it:
 * its revisions, every signature and document timestamp (in file order), and the validation
 * data of its Document Security Store (DER certificates, CRLs and OCSP responses).
 */
public record PdfFacts(
        int revisionCount,
        int pageCount,
        List<PdfSignature> signatures,
        List<byte[]> dssCertificates,
        List<byte[]> dssCrls,
        List<byte[]> dssOcspResponses) {
}
