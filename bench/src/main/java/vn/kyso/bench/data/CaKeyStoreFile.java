package vn.kyso.bench.data;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/** The key store Kyso keeps its CA keys in, under a data directory, opened with the password file beside it. */
public final class CaKeyStoreFile {

    private CaKeyStoreFile() {
    }

    /** One key and its certificate chain, by alias ("kyso" for the issuing CA, "kyso-ocsp" for the OCSP signer). */
    public static KeyStore.PrivateKeyEntry entry(Path dataDir, String alias) throws Exception {
        Path ca = dataDir.resolve("ca");
        char[] password = Files.readString(ca.resolve("keystore-password"), StandardCharsets.US_ASCII).strip()
                .toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ca.resolve("kyso-ca.p12"))) {
            store.load(in, password);
        }
        return (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(password));
    }
}
