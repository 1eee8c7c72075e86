package vn.kyso.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

import vn.kyso.common.KysoProperties;

/**
 * CA keys in a PKCS#11 token through the JDK's SunPKCS11 provider. Keys are generated inside the
 * token as persistent, sensitive, non-extractable objects; Kyso only ever holds handles to them.
 */
final class Pkcs11Keys implements CaKeys {

    private final Provider provider;
    private final KeyStore store;
    private final String location;

    private Pkcs11Keys(Provider provider, KeyStore store, String location) {
        this.provider = provider;
        this.store = store;
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
    public boolean has(String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public PrivateKey key(String alias) {
        try {
            return (PrivateKey) store.getKey(alias, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use CA key " + alias + " in the " + location, e);
        }
    }

    @Override
    public X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) store.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read CA certificate " + alias + " from the " + location, e);
        }
    }

    @Override
    public KeyPair generate(String alias, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The " + location + " cannot generate an EC key on " + curve, e);
        }
    }

    @Override
    public void put(String alias, PrivateKey key, X509Certificate... chain) {
        try {
            if (store.containsAlias(alias)) {
                store.deleteEntry(alias);
            }
            store.setKeyEntry(alias, key, null, chain.clone());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store CA key " + alias + " in the " + location, e);
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
