package vn.kyso.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.springframework.util.StringUtils;

/**
 * The built-in CA's keys, in a password-protected PKCS#12 file under {@code <data dir>/ca/}:
 * never in the database, so a database backup holds no key. Written whole to a temporary file
 * and moved into place, so a crash leaves the old store or the new one, never half of one.
 */
final class CaKeyStore extends KeyStoreKeys {

    private static final String FILE = "kyso-ca.p12";
    private static final String PASSWORD_FILE = "keystore-password";

    private final Path dir;
    private final char[] password;

    private CaKeyStore(Path dir, char[] password, KeyStore store) {
        super(store, password);
        this.dir = dir;
        this.password = password;
    }

    static CaKeyStore open(Path dataDir, String configuredPassword) {
        Path dir = dataDir.resolve("ca");
        try {
            Files.createDirectories(dir);
            char[] password = password(dir, configuredPassword);
            KeyStore store = KeyStore.getInstance("PKCS12");
            Path file = dir.resolve(FILE);
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
            }
            return new CaKeyStore(dir, password, store);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the CA key store in " + dir
                    + " (is KYSO_CA_KEYSTORE_PASSWORD right?): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the CA key store in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The configured password, or one generated once and kept beside the store, readable by its owner only. */
    private static char[] password(Path dir, String configured) throws IOException {
        if (StringUtils.hasText(configured)) {
            return configured.toCharArray();
        }
        Path file = dir.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Path tmp = dir.resolve(PASSWORD_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    @Override
    public Provider provider() {
        return Pki.BC;
    }

    /**
     * The key as Bouncy Castle's own object. The JDK's PKCS#12 store returns its own key class,
     * and Bouncy Castle signing with that one converts the curve anew each time, losing the
     * generator's precomputed table: a P-256 signature took 2.5 times as long.
     */
    @Override
    public PrivateKey key(String alias) {
        PrivateKey stored = super.key(alias);
        if (stored == null) {
            return null;
        }
        try {
            return KeyFactory.getInstance(stored.getAlgorithm(), Pki.BC)
                    .generatePrivate(new PKCS8EncodedKeySpec(stored.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use CA key " + alias + " in " + location() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The JDK's ECDSA signs with these keys too, and its SHA-256 is several times faster than
     * Bouncy Castle's: a 5.5 MB CRL signed in 6-16 ms against 33-46 ms, warm, on this project's
     * two-core machine.
     */
    @Override
    public Provider bulkSigningProvider() {
        Provider jdk = Security.getProvider("SunEC");
        return jdk != null ? jdk : provider();
    }

    @Override
    public String location() {
        return file().toString();
    }

    @Override
    public void save() {
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CA key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the CA key store", e);
        }
    }

    Path file() {
        return dir.resolve(FILE);
    }
}
