package vn.kyso.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

/** What the PKCS#12 file and the PKCS#11 token have in common: both are a java.security.KeyStore. */
abstract class KeyStoreKeys implements CaKeys {

    protected final KeyStore store;
    private final char[] keyPassword;

    KeyStoreKeys(KeyStore store, char[] keyPassword) {
        this.store = store;
        this.keyPassword = keyPassword;
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
            return (PrivateKey) store.getKey(alias, keyPassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use CA key " + alias + " in " + location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) store.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read CA certificate " + alias + " from " + location(), e);
        }
    }

    @Override
    public KeyPair generate(String alias, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider());
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(location() + " cannot generate an EC key on " + curve, e);
        }
    }

    @Override
    public void put(String alias, PrivateKey key, X509Certificate... chain) {
        try {
            if (store.containsAlias(alias)) {
                store.deleteEntry(alias);
            }
            store.setKeyEntry(alias, key, keyPassword, chain.clone());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store CA key " + alias + " in " + location(), e);
        }
    }

    @Override
    public abstract Provider provider();
}
