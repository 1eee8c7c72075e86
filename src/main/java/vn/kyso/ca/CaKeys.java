package vn.kyso.ca;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;

/**
 * Where the built-in CA keeps its private keys: a password-protected PKCS#12 file, or a PKCS#11
 * token (an HSM) whose keys never leave it. Either way, never the database.
 */
interface CaKeys {

    boolean has(String alias);

    PrivateKey key(String alias);

    X509Certificate certificate(String alias);

    /** A new key pair, generated where the keys live (inside the token, for PKCS#11). */
    KeyPair generate(String alias, String curve);

    void put(String alias, PrivateKey key, X509Certificate... chain);

    /** Makes what was put durable; a token stores at once. */
    void save();

    /** The provider that can sign with these keys. */
    Provider provider();

    /**
     * The provider for a signature over megabytes (a national CRL), where hashing is most of the
     * work. A token signs with its own provider.
     */
    default Provider bulkSigningProvider() {
        return provider();
    }

    /** Where the keys are, for messages to the operator. */
    String location();
}
