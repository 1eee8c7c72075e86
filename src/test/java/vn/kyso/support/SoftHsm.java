package vn.kyso.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SoftHSM2 token for a test: its configuration and token directory under target/ (surefire
 * points SOFTHSM2_CONF there), initialised with softhsm2-util.
 */
public final class SoftHsm {

    private static final List<String> LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    private SoftHsm() {
    }

    public static Optional<String> library() {
        return LIBRARIES.stream().filter(p -> Files.isReadable(Path.of(p))).findFirst();
    }

    /** Why SoftHSM cannot be used here, or null if it can. */
    public static String missing() {
        if (library().isEmpty()) {
            return "the SoftHSM2 library (Debian package softhsm2)";
        }
        if (System.getenv("SOFTHSM2_CONF") == null) {
            return "SOFTHSM2_CONF (set by the Maven build for the tests)";
        }
        return null;
    }

    public record Token(String library, long slot, String pin) {
    }

    public static Token initToken(String label) {
        try {
            Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
            Path tokens = conf.getParent().resolve("tokens");
            Files.createDirectories(tokens);
            Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);
            String pin = "246810";
            Process process = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                    "--pin", pin, "--so-pin", "135791").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("softhsm2-util failed: " + output);
            }
            Matcher slot = SLOT.matcher(output);
            if (!slot.find()) {
                throw new IllegalStateException("No slot in softhsm2-util's answer: " + output);
            }
            return new Token(library().orElseThrow(), Long.parseLong(slot.group(1)), pin);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
