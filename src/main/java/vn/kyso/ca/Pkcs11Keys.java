package vn.kyso.ca;

import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;

import vn.kyso.common.KysoProperties;

/**
 * CA keys in a PKCS#11 token through the JDK's SunPKCS11 provider. Keys are generated inside the
 * token as persistent, sensitive, non-extractable objects; Kyso only ever holds handles to them.
 */
final class Pkcs11Keys extends KeyStoreKeys {

    private final Provider provider;
    private final String location;

    private Pkcs11Keys(Provider provider, KeyStore store, String location) {
        super(store, null);
        this.provider = provider;
        this.location = location;
    }

    static Pkcs11Keys open(KysoProperties.Ca.Pkcs11 settings) {
        String slot = settings.slot() != null ? "slot = " + settings.slot()
                : "slotListIndex = " + (settings.slotListIndex() == null ? 0 : settings.slotListIndex());
        String config = String.join("\n",
                "--name = Kyso",
                "library = " + settings.library(),
                slot,
                // generated keys are token objects; private ones cannot be read out
                "attributes(generate, *, *) = {",
                "  CKA_TOKEN = true",
                "}",
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_PRIVATE = true",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "}");
        String location = "PKCS#11 token " + settings.library() + " (" + slot + ")";
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config);
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, settings.pin() == null ? null : settings.pin().toCharArray());
            return new Pkcs11Keys(provider, store, location);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save() {
        // a token stores each entry as it is set
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public String location() {
        return location;
    }
}
