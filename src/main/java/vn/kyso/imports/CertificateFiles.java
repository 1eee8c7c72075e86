package vn.kyso.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.http.HttpStatus;

import vn.kyso.ca.Pki;
import vn.kyso.common.ApiException;
import vn.kyso.token.TokenService;

/**
 * The certificates of an upload: one file (DER, PEM with any number of blocks, PKCS#7 .p7b/.p7c)
 * or a zip of such files, with at most one CSV beside them saying which token each certificate is
 * on. A zip is read in memory only, with bounds on its entries and on what they inflate to,
 * counted as they inflate rather than taken from the zip's own headers.
 */
final class CertificateFiles {

    /** One certificate, or one file that held none. */
    record Item(int row, String label, X509Certificate certificate, String problem, String detail) {
    }

    /** {@code issuers}: the upload's CA certificates, each once, offered to path building. */
    record Upload(List<Item> items, List<X509Certificate> issuers, Map<String, String> tokenBySerial,
            Map<String, Integer> tokenRowBySerial) {
    }

    private CertificateFiles() {
    }

    static Upload read(byte[] content, String fileName, ImportProperties limits) {
        List<Item> items = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        Map<String, Integer> tokenRows = new HashMap<>();
        if (Table.isXlsx(content) && !isSpreadsheet(fileName)) {
            unzip(content, limits, items, tokens, tokenRows);
        } else {
            add(items, fileName == null ? "upload" : fileName, content);
        }
        if (items.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "imports.error.noCertificates", "file");
        }
        List<X509Certificate> issuers = caCertificates(items);
        if (issuers.size() > limits.maxCaCertificates()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "imports.error.tooManyCaCertificates", "file",
                    issuers.size(), limits.maxCaCertificates());
        }
        return new Upload(items, issuers, tokens, tokenRows);
    }

    /**
     * The upload's CA certificates, each once: every one is a candidate issuer for every
     * certificate of the upload, and a path builder given many that share names tries their
     * orderings. A province's file carries its issuing CA and root, a few at most.
     */
    private static List<X509Certificate> caCertificates(List<Item> items) {
        Map<java.nio.ByteBuffer, X509Certificate> distinct = new java.util.LinkedHashMap<>();
        for (Item item : items) {
            X509Certificate c = item.certificate();
            if (c != null && c.getBasicConstraints() >= 0) {
                distinct.putIfAbsent(java.nio.ByteBuffer.wrap(Pki.encoded(c)), c);
            }
        }
        return List.copyOf(distinct.values());
    }

    private static boolean isSpreadsheet(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    private static void unzip(byte[] content, ImportProperties limits, List<Item> items, Map<String, String> tokens,
            Map<String, Integer> tokenRows) {
        long budget = limits.maxInflatedSize().toBytes();
        int entries = 0;
        boolean sideFile = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > limits.maxZipEntries()) {
                    throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "imports.error.tooManyEntries", "file",
                            limits.maxZipEntries());
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    budget -= n;
                    if (budget < 0) {
                        throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "imports.error.tooLargeInflated", "file",
                                limits.maxInflatedSize().toMegabytes() + " MB");
                    }
                    out.write(buffer, 0, n);
                }
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".csv") || lower.endsWith(".xlsx")) {
                    if (sideFile) {
                        throw ApiException.badField("file", "imports.error.twoTokenFiles", name);
                    }
                    sideFile = true;
                    tokenFile(out.toByteArray(), limits, tokens, tokenRows);
                } else if (lower.endsWith(".zip")) {
                    items.add(new Item(items.size() + 1, name, null, "imports.error.nestedZip", name));
                } else {
                    add(items, name, out.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badField("file", "imports.error.badZip", String.valueOf(e.getMessage()));
        }
    }

    private static void tokenFile(byte[] bytes, ImportProperties limits, Map<String, String> tokens,
            Map<String, Integer> tokenRows) {
        Table table = Table.read(bytes, Layout.CERTIFICATE_TOKENS, limits.maxRows());
        for (Table.Line line : table.lines()) {
            String serial = Pki.normalizeSerial(line.get("certificateSerial"));
            if (serial == null) {
                throw ApiException.badField("file", "imports.error.badTokenFileRow", line.number(),
                        String.valueOf(line.get("certificateSerial")));
            }
            tokens.put(serial, TokenService.normalizeSerial(line.get("tokenSerial")));
            tokenRows.put(serial, line.number());
        }
    }

    private static void add(List<Item> items, String name, byte[] bytes) {
        List<X509Certificate> found;
        try {
            found = Pki.certificates(bytes);
        } catch (IllegalArgumentException e) {
            items.add(new Item(items.size() + 1, name, null, "imports.error.notCertificate", name));
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            String label = found.size() == 1 ? name : name + " #" + (i + 1);
            items.add(new Item(items.size() + 1, label, found.get(i), null, null));
        }
    }
}
