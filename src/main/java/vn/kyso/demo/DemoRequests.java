package vn.kyso.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.kyso.agency.AgencyRepository;
import vn.kyso.certificate.RevocationCase;
import vn.kyso.request.CertificationRequest;
import vn.kyso.request.RequestBodies;
import vn.kyso.request.RequestKind;
import vn.kyso.request.RequestService;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberType;

/**
 * The registrar's desk on the first morning: requests as a province's units send them, through the
 * same service a registrar uses. An issue request past its due date, a revocation for an official
 * who retires, a restore for a locked token, and one request turned back with its reason.
 */
@Component
class DemoRequests {

    private final RequestService requests;
    private final AgencyRepository agencies;
    private final Clock clock;

    DemoRequests(RequestService requests, AgencyRepository agencies, Clock clock) {
        this.requests = requests;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * @param holders everyone given a token, unit by unit, each unit's head first
     * @param holderOf who holds each token
     * @param certificateOn the certificate on each token
     */
    int fill(List<Subscriber> holders, Map<String, Subscriber> holderOf, Map<String, String> certificateOn,
            String retiringToken, String lockedToken) {
        List<Subscriber> staff = officialsOf(holders, holders.get(holders.size() / 2).agencyId());
        List<RequestBodies.Item> newcomers = staff.subList(Math.max(1, staff.size() - 2), staff.size()).stream()
                .map(s -> item(s.id())).toList();
        List<CertificationRequest> filed = new ArrayList<>();
        filed.add(requests.create(body(RequestKind.ISSUE_INDIVIDUAL, holders, staff.get(0),
                "Đề nghị cấp chứng thư số cho cán bộ", Duration.ofDays(9), newcomers)));

        Subscriber retiring = holderOf.get(retiringToken);
        filed.add(requests.create(body(RequestKind.REVOCATION, holders, retiring,
                "Đề nghị thu hồi chứng thư số do cán bộ nghỉ hưu", Duration.ofDays(1),
                List.of(new RequestBodies.Item(null, null, certificateOn.get(retiringToken), null, null, null, null,
                        RevocationCase.RETIRED, null, retiring.fullName())))));

        filed.add(requests.create(body(RequestKind.TOKEN_RESTORE, holders, holderOf.get(lockedToken),
                "Đề nghị khôi phục thiết bị bị khóa do nhập sai mã PIN", Duration.ofDays(2),
                List.of(new RequestBodies.Item(null, null, null, lockedToken, null, null, null, null, null, null)))));

        var turnedBack = requests.create(body(RequestKind.ISSUE_INDIVIDUAL, holders, staff.get(0),
                "Đề nghị cấp chứng thư số", Duration.ofDays(14), newcomers.subList(0, 1)));
        filed.add(requests.transition(turnedBack.id(), "reject", new RequestBodies.Act(null,
                "Công văn chưa có chữ ký số của thủ trưởng đơn vị; đề nghị gửi lại", null, null)));
        return filed.size();
    }

    /** Filed by a unit: its head signs, and the last of its officials listed is the contact. */
    private RequestBodies.Create body(RequestKind kind, List<Subscriber> holders, Subscriber of, String note,
            Duration ago, List<RequestBodies.Item> items) {
        List<Subscriber> staff = officialsOf(holders, of.agencyId());
        Subscriber head = staff.get(0);
        Subscriber contact = staff.get(staff.size() - 1);
        String unit = agencies.findById(of.agencyId()).orElseThrow().code();
        return new RequestBodies.Create(kind, unit, null, null, head.fullName(), head.position(), contact.fullName(),
                null, contact.email(), note, clock.instant().minus(ago), items);
    }

    private static List<Subscriber> officialsOf(List<Subscriber> holders, long agencyId) {
        return holders.stream().filter(s -> s.type() == SubscriberType.INDIVIDUAL && s.agencyId() == agencyId).toList();
    }

    private static RequestBodies.Item item(long subscriberId) {
        return new RequestBodies.Item(subscriberId, null, null, null, null, null, null, null, null, null);
    }
}
