package vn.kyso.verify.path;

import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.BuiltInCa;
import vn.kyso.support.PostgresContext;

class RegistryRevocationPostgresTest extends PostgresContext implements RegistryRevocationChecks {

    @Autowired
    RegistryRevocation registry;

    @Autowired
    BuiltInCa builtIn;

    @Override
    public RegistryRevocation registry() {
        return registry;
    }

    @Override
    public BuiltInCa builtIn() {
        return builtIn;
    }
}
