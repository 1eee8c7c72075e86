package vn.kyso.bench;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * What a bare verifier does: parse, take the certificate the CMS names, check the signature.
 * No chain, no revocation, no policy; the floor Kyso's cost is compared with.
 */
final class Baseline {

    private Baseline() {
    }

    static boolean cms(CMSSignedData data) throws Exception {
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder cert = (X509CertificateHolder) data.getCertificates().getMatches(signer.getSID()).iterator().next();
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
    }

    static boolean attached(byte[] p7m) throws Exception {
        return cms(new CMSSignedData(p7m));
    }

    static boolean detached(byte[] content, byte[] p7s) throws Exception {
        return cms(new CMSSignedData(new CMSProcessableByteArray(content), p7s));
    }

    static boolean pdf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            if (signature == null) {
                throw new IOException("no signature in the PDF");
            }
            return detached(signature.getSignedContent(pdf), signature.getContents());
        }
    }
}
