package vn.kyso.certificate;

import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

import vn.kyso.subscriber.SubscriberType;

/** What a certificate may do, tied to the kind of subscriber it is for (Mẫu 01, 02, 03). */
public enum Profile {
    INDIVIDUAL_SIGNING(SubscriberType.INDIVIDUAL, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
            List.of(KeyPurposeId.id_kp_emailProtection, Oids.DOCUMENT_SIGNING)),
    ORGANIZATION_SEAL(SubscriberType.ORGANIZATION, KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
            List.of(KeyPurposeId.id_kp_emailProtection, Oids.DOCUMENT_SIGNING)),
    DEVICE_SERVICE(SubscriberType.DEVICE, KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
            List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)),
    /**
     * A time-stamping authority's key (RFC 3161). RFC 3161 section 2.3 requires timeStamping to be
     * the only extended key usage and the extension to be critical; verifiers reject anything else.
     */
    TIMESTAMPING(SubscriberType.DEVICE, KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_timeStamping), true);

    private final SubscriberType subscriberType;
    private final int keyUsage;
    private final List<KeyPurposeId> extendedKeyUsages;
    private final boolean extendedKeyUsageCritical;

    Profile(SubscriberType subscriberType, int keyUsage, List<KeyPurposeId> extendedKeyUsages) {
        this(subscriberType, keyUsage, extendedKeyUsages, false);
    }

    Profile(SubscriberType subscriberType, int keyUsage, List<KeyPurposeId> extendedKeyUsages,
            boolean extendedKeyUsageCritical) {
        this.subscriberType = subscriberType;
        this.keyUsage = keyUsage;
        this.extendedKeyUsages = extendedKeyUsages;
        this.extendedKeyUsageCritical = extendedKeyUsageCritical;
    }

    public SubscriberType subscriberType() {
        return subscriberType;
    }

    int keyUsage() {
        return keyUsage;
    }

    List<KeyPurposeId> extendedKeyUsages() {
        return extendedKeyUsages;
    }

    boolean extendedKeyUsageCritical() {
        return extendedKeyUsageCritical;
    }

    private static final class Oids {
        /** id-kp-documentSigning (RFC 9336), which PDF readers accept for signing. */
        static final KeyPurposeId DOCUMENT_SIGNING =
                KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    }

    /** The first profile for the type, so a device gets DEVICE_SERVICE unless it asks for TIMESTAMPING. */
    static Profile defaultFor(SubscriberType type) {
        for (Profile p : values()) {
            if (p.subscriberType == type) {
                return p;
            }
        }
        throw new IllegalArgumentException(type.name());
    }
}
