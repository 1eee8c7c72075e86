package vn.kyso.durability;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Acknowledged revocations and token moves survive a SIGKILL under load (see {@link CrashScenario}).
 * CI runs two iterations per database; {@code -Dkyso.durability.iterations=20} is the long run, and
 * {@code -Dkyso.durability.seed=…} repeats a failed one.
 */
public interface CrashDurability {

    /** Fills {@code registry} with the settings of a fresh database, as the test contexts do; returns the data directory. */
    Path database(DynamicPropertyRegistry registry);

    @Test
    default void everyAcknowledgedChangeSurvivesAKillUnderLoad() {
        Map<String, String> settings = new LinkedHashMap<>();
        Path dir = database((name, value) -> settings.put(name, String.valueOf(value.get())));
        // the production setting, not the tests' faster NORMAL: a commit is on disk before it is acknowledged
        settings.put("kyso.db.sqlite-synchronous", "FULL");
        long seed = Long.getLong("kyso.durability.seed", System.nanoTime());
        new CrashScenario(settings, dir, seed).run(Integer.getInteger("kyso.durability.iterations", 2));
    }
}
