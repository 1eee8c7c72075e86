package vn.kyso.durability;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

import vn.kyso.support.TestDatabases;

class CrashDurabilitySqliteTest implements CrashDurability {

    @Override
    public Path database(DynamicPropertyRegistry registry) {
        return TestDatabases.sqlite(registry);
    }
}
