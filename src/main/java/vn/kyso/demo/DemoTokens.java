package vn.kyso.demo;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import vn.kyso.agency.AgencyRepository;
import vn.kyso.ca.Pki;
import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.Requests;
import vn.kyso.certificate.Storage;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.token.TokenRequests;
import vn.kyso.token.TokenService;

/**
 * The demo province's tokens and certificates, made through the same services a registrar uses
 * (so every move has its history, handover record and audit entry): one token with a certificate
 * per official and organisation seal, then the incidents a real province has, and a stock.
 * The registrar "dangky" is signed in while it runs, so the history names a person.
 */
@Component
class DemoTokens {

    private final TokenService tokens;
    private final CertificateService certificates;
    private final AgencyRepository agencies;
    private final UserDetailsService users;
    private final DemoRequests requests;

    DemoTokens(TokenService tokens, CertificateService certificates, AgencyRepository agencies,
            UserDetailsService users, DemoRequests requests) {
        this.tokens = tokens;
        this.certificates = certificates;
        this.agencies = agencies;
        this.users = users;
        this.requests = requests;
    }

    record Counts(int tokens, int certificates, int requests) {
    }

    Counts fill(List<Subscriber> holders, List<String> agencyCodes, Random random) {
        UserDetails registrar = users.loadUserByUsername("dangky");
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(registrar, null,
                registrar.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return fillAsRegistrar(holders, agencyCodes, random);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Counts fillAsRegistrar(List<Subscriber> holders, List<String> agencyCodes, Random random) {
        int serialNumber = 0;
        List<String> inUse = new ArrayList<>();
        Map<String, Subscriber> holderOf = new HashMap<>();
        Map<String, String> certificateOn = new HashMap<>();
        for (Subscriber holder : holders) {
            String serial = serial(random, serialNumber++);
            String agency = agencies.findById(holder.agencyId()).orElseThrow().code();
            receive(serial, random, agency);
            tokens.act(serial, "hand-over", new TokenRequests.Act(null, holder.id(), null, null));
            var issued = certificates.issue(new Requests.Issue(holder.id(), csr(), null, 365 + random.nextInt(731),
                    Storage.TOKEN, serial));
            inUse.add(serial);
            holderOf.put(serial, holder);
            certificateOn.put(serial, issued.serial());
        }
        Collections.shuffle(inUse, random);
        int i = 0;
        for (; i < 8; i++) {
            tokens.act(inUse.get(i), "report-locked", note("Nhập sai mã PIN quá số lần cho phép"));
        }
        tokens.act(inUse.get(0), "request-restore", note("Gửi Cục Chứng thực số khôi phục (Mẫu 06)"));
        tokens.act(inUse.get(1), "request-restore", note("Gửi Cục Chứng thực số khôi phục (Mẫu 06)"));
        tokens.act(inUse.get(1), "unlock", note("Đã khôi phục"));
        for (int lost = 0; lost < 3; lost++, i++) {
            tokens.act(inUse.get(i), "report-lost", note("Báo mất thiết bị"));
        }
        for (int damaged = 0; damaged < 2; damaged++, i++) {
            tokens.act(inUse.get(i), "report-damaged", note("Thiết bị không nhận trên máy tính"));
        }
        for (int back = 0; back < 3; back++, i++) {
            tokens.act(inUse.get(i), "return", note("Thu hồi khi nghỉ hưu"));
        }
        int stock = 0;
        for (; stock < 20; stock++) {
            receive(serial(random, serialNumber++), random, null);
        }
        for (int allocated = 0; allocated < 12; allocated++, stock++) {
            receive(serial(random, serialNumber++), random, agencyCodes.get(random.nextInt(agencyCodes.size())));
        }
        for (int returned = 0; returned < 3; returned++, stock++) {
            String serial = serial(random, serialNumber++);
            receive(serial, random, null);
            tokens.act(serial, "return-to-provider", note("Trả lại nhà cung cấp do lỗi xuất xưởng"));
            if (returned == 0) {
                tokens.act(serial, "retire", note("Hủy"));
            }
        }
        // inUse.get(i) is still in use, inUse.get(2) locked
        int filed = requests.fill(holders, holderOf, certificateOn, inUse.get(i), inUse.get(2));
        return new Counts(holders.size() + stock, holders.size(), filed);
    }

    private void receive(String serial, Random random, String agencyCode) {
        String model = random.nextInt(10) < 7 ? "SAFENET-5110" : "BIT4ID-TOKENME";
        tokens.receive(new TokenRequests.Receive(serial, model, agencyCode, "2025-L" + (1 + random.nextInt(4)),
                LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)), null));
    }

    private static TokenRequests.Act note(String note) {
        return new TokenRequests.Act(null, null, note, null);
    }

    /** Printed serials look like the vendors': eToken "02" + 8 hex digits. */
    private static String serial(Random random, int n) {
        return String.format("02%08X", 0x4D000000 + n * 7919 + random.nextInt(7919));
    }

    /** A key made and thrown away: the demo's certificates are records, not keys anyone can sign with. */
    private static String csr() {
        return csr(ecKeys());
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Pki.BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a demo key", e);
        }
    }

    static String csr(KeyPair keys) {
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=demo"), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Pki.BC).build(keys.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(request);
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a demo request", e);
        }
    }
}
