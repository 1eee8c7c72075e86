package vn.kyso.certificate;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.http.HttpStatus;

import vn.kyso.agency.Agency;
import vn.kyso.common.ApiException;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberType;

/**
 * The subject name as government certificates write it: C=VN, L=province, O=the body (a
 * department or commune), OU=each unit below it, CN=the person, organisation or device, and the
 * official e-mail. Values are UTF8String with Vietnamese diacritics intact. RFC 5280 bounds O, OU
 * and CN to 64 characters; a longer name is refused rather than cut, since a cut name is a
 * different name.
 */
final class SubjectNames {

    static final int MAX = 64;

    private SubjectNames() {
    }

    /** {@code chain} runs from the root agency down to the subscriber's own. */
    static X500Name of(Subscriber subscriber, List<Agency> chain) {
        List<String> bodies = new ArrayList<>();
        for (Agency a : chain.size() == 1 ? chain : chain.subList(1, chain.size())) {
            bodies.add(a.name());
        }
        // an organisation's own seal: the body it names is the organisation itself, so O is its parent
        if (subscriber.type() == SubscriberType.ORGANIZATION && bodies.size() > 1
                && bodies.get(bodies.size() - 1).equals(subscriber.fullName())) {
            bodies.remove(bodies.size() - 1);
        } else if (subscriber.type() == SubscriberType.ORGANIZATION && bodies.size() == 1
                && bodies.get(0).equals(subscriber.fullName()) && chain.size() > 1) {
            bodies.set(0, chain.get(0).name());
        }
        String province = subscriber.province() != null ? subscriber.province()
                : chain.get(chain.size() - 1).province() != null ? chain.get(chain.size() - 1).province()
                : chain.get(0).province();
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
        if (province != null) {
            name.addRDN(BCStyle.L, bounded(province, 128));
        }
        name.addRDN(BCStyle.O, bounded(bodies.get(0), MAX));
        for (String unit : bodies.subList(1, bodies.size())) {
            name.addRDN(BCStyle.OU, bounded(unit, MAX));
        }
        name.addRDN(BCStyle.CN, bounded(subscriber.fullName(), MAX));
        if (subscriber.email() != null) {
            name.addRDN(BCStyle.EmailAddress, subscriber.email());
        }
        return name.build();
    }

    private static String bounded(String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.certificate.nameTooLong", null, value, max);
        }
        return value;
    }
}
