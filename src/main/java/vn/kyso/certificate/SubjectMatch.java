package vn.kyso.certificate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import vn.kyso.common.Text;
import vn.kyso.subscriber.Subscriber;

/** Whether an imported certificate names the subscriber it is being linked to. */
final class SubjectMatch {

    private SubjectMatch() {
    }

    static boolean matches(X509Certificate certificate, Subscriber subscriber) {
        String cn = commonName(certificate);
        if (cn != null && Text.fold(cn).equals(Text.fold(subscriber.fullName()))) {
            return true;
        }
        String email = subscriber.email() == null ? null : subscriber.email().toLowerCase(Locale.ROOT);
        return email != null && emails(certificate).contains(email);
    }

    static String commonName(X509Certificate certificate) {
        return attribute(certificate, "CN");
    }

    private static List<String> emails(X509Certificate certificate) {
        List<String> emails = new ArrayList<>();
        String dnEmail = attribute(certificate, "1.2.840.113549.1.9.1");
        if (dnEmail == null) {
            dnEmail = attribute(certificate, "EMAILADDRESS");
        }
        if (dnEmail != null) {
            emails.add(dnEmail.toLowerCase(Locale.ROOT));
        }
        try {
            var names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (Integer.valueOf(1).equals(name.get(0))) {
                        emails.add(name.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // no usable SAN: the DN decides
        }
        return emails;
    }

    private static String attribute(X509Certificate certificate, String type) {
        try {
            List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                Rdn rdn = rdns.get(i);
                if (rdn.getType().equalsIgnoreCase(type)) {
                    Object value = rdn.getValue();
                    if (value instanceof byte[] bytes) {
                        return decodeDer(bytes);
                    }
                    return value.toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    /** RFC 2253 writes unknown attribute types as #hex DER; the string inside is what we want. */
    private static String decodeDer(byte[] der) {
        try {
            var primitive = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der);
            return primitive instanceof org.bouncycastle.asn1.ASN1String s ? s.getString() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
