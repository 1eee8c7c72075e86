package vn.kyso.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.kyso.KysoApplication;

/**
 * The database names the CA; the key store holds its keys. Kyso must refuse to start when they
 * disagree, rather than sign with a key no relying party expects, and must keep keys out of the
 * database and out of reach of other users.
 */
class CaKeySafetyTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    private ConfigurableApplicationContext start(Path dataDir) {
        // command-line arguments, not builder properties: those are defaults that application.yml overrides
        return new SpringApplicationBuilder(KysoApplication.class).run("--server.port=0", "--kyso.data-dir=" + dataDir,
                "--kyso.db.url=", "--kyso.db.sqlite-synchronous=NORMAL", "--kyso.admin.username=admin",
                "--kyso.admin.password=Một mật khẩu đủ dài");
    }

    @Test
    void aMissingOrForeignKeyStoreStopsTheStart() throws Exception {
        start(first).close();
        start(second).close();
        Path keys = first.resolve("ca/kyso-ca.p12");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(first.resolve("ca/keystore-password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] database = Files.readAllBytes(first.resolve("kyso.db"));
        byte[] store = Files.readAllBytes(keys);
        assertThat(indexOf(database, store, 64)).as("no piece of the key store is in the database").isFalse();

        // the same data directory starts again
        start(first).close();

        Path aside = first.resolve("ca/kyso-ca.p12.aside");
        Files.move(keys, aside);
        assertThatThrownBy(() -> start(first)).hasStackTraceContaining("its keys are not in");

        Files.copy(second.resolve("ca/kyso-ca.p12"), keys, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(second.resolve("ca/keystore-password"), first.resolve("ca/keystore-password"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> start(first)).hasStackTraceContaining("belong to another CA");
    }

    /** Whether any {@code window}-byte run of {@code needle} appears in {@code haystack}. */
    private static boolean indexOf(byte[] haystack, byte[] needle, int window) {
        String hay = new String(haystack, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i + window <= needle.length; i += window) {
            if (hay.contains(new String(needle, i, window, java.nio.charset.StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }
}
