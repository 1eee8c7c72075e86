package vn.kyso.durability;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import vn.kyso.support.RequiresPostgres;
import vn.kyso.support.TestDatabases;

@RequiresPostgres
class CrashDurabilityPostgresTest implements CrashDurability {

    @Override
    public Path database(DynamicPropertyRegistry registry) {
        Map<String, Object> settings = new HashMap<>();
        TestDatabases.postgres((name, value) -> {
            settings.put(name, value.get());
            registry.add(name, value);
        });
        return Path.of((String) settings.get("kyso.data-dir"));
    }
}
