package vn.kyso.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyRequest;
import vn.kyso.agency.AgencyService;
import vn.kyso.common.KysoProperties;
import vn.kyso.common.Text;
import vn.kyso.demo.DemoProvince.DemoUser;
import vn.kyso.demo.DemoProvince.Device;
import vn.kyso.demo.DemoProvince.Ranks;
import vn.kyso.demo.DemoProvince.Unit;
import vn.kyso.security.UserRequest;
import vn.kyso.security.UserService;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberRequest;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberType;

/**
 * With KYSO_DEMO=true, fills an empty database with {@link DemoProvince}: agencies, subscribers and
 * one user per role. Everything goes through the services, so the data passes the same checks as
 * real input and the audit chain records it. Runs after {@code AdminBootstrap}.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Fixed, so every demo shows the same people and a bug report can name one. */
    private static final long SEED = 2026L;

    private final KysoProperties properties;
    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final SubscriberService subscriberService;
    private final UserService userService;
    private final TransactionTemplate transaction;
    private final DemoTokens demoTokens;
    private final DemoDocuments demoDocuments;

    DemoData(KysoProperties properties, AgencyRepository agencies, AgencyService agencyService,
            SubscriberService subscriberService, UserService userService, PlatformTransactionManager transactions,
            DemoTokens demoTokens, DemoDocuments demoDocuments) {
        this.properties = properties;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.subscriberService = subscriberService;
        this.userService = userService;
        this.transaction = new TransactionTemplate(transactions);
        this.demoTokens = demoTokens;
        this.demoDocuments = demoDocuments;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo()) {
            return;
        }
        // The emptiness check is inside the transaction: on SQLite that transaction holds the write
        // lock from its start, so two instances starting together cannot both load the demo. (On
        // PostgreSQL the later one fails on the unique agency code and rolls back whole.)
        Summary created = transaction.execute(status -> agencies.count() > 0 ? null : new Generator().fill());
        if (created == null) {
            log.info("Demo data not loaded: the database already has agencies");
            return;
        }
        // After the commit: verifying reads what the transaction above wrote, and stores receipts itself.
        demoDocuments.fill(created.signer);
        log.info("Demo data loaded for tỉnh {}: {} agencies on {} levels, {} subscribers ({} individuals, "
                + "{} organisations, {} devices), {} tokens, {} certificates, {} requests, users {}", DemoProvince.PROVINCE,
                created.agencies, created.levels, created.individuals + created.organizations + created.devices,
                created.individuals, created.organizations, created.devices, created.tokens, created.certificates,
                created.requests,
                DemoProvince.USERS.stream().map(DemoUser::username).toList());
    }

    /** "Nguyễn Thị Ánh Tuyết" → tuyet.nta: the usual shape of a provincial official's mailbox. */
    static String mailbox(String family, String middle, String given) {
        StringBuilder initials = new StringBuilder();
        for (String word : (family + " " + middle).split(" ")) {
            initials.append(Text.fold(word).charAt(0));
        }
        return Text.fold(given) + "." + initials;
    }

    static final class Summary {
        int agencies;
        int levels;
        int individuals;
        int organizations;
        int devices;
        int tokens;
        int certificates;
        int requests;
        long signer;
    }

    /** One run's worth of random state; a fresh one per fill keeps the output a function of the seed alone. */
    private final class Generator {

        private final Random random = new Random(SEED);
        private final Set<String> taken = new HashSet<>();
        private final Summary summary = new Summary();
        private final List<Subscriber> holders = new ArrayList<>();
        private final List<String> agencyCodes = new ArrayList<>();

        Summary fill() {
            for (Unit unit : DemoProvince.UNITS) {
                Agency agency = agency(unit);
                if (unit.seal() != null) {
                    seal(unit, agency);
                }
                staff(unit, agency.depth());
            }
            for (Device device : DemoProvince.DEVICES) {
                subscriberService.create(new SubscriberRequest(SubscriberType.DEVICE, device.agencyCode(),
                        device.name(), email(device.mailbox()), null, null, null, null, null, null, null, null, null,
                        DemoProvince.PROVINCE, null));
                summary.devices++;
            }
            for (DemoUser user : DemoProvince.USERS) {
                userService.create(new UserRequest(user.username(), DemoProvince.PASSWORD, user.fullName(),
                        Set.of(user.role()), user.agencyCode()));
            }
            var counts = demoTokens.fill(holders, agencyCodes, random);
            summary.tokens = counts.tokens();
            summary.certificates = counts.certificates();
            summary.requests = counts.requests();
            summary.signer = holders.get(0).id();
            return summary;
        }

        private Agency agency(Unit unit) {
            boolean seal = unit.seal() != null;
            Agency agency = agencyService.create(new AgencyRequest(unit.code(), unit.name(), unit.parent(),
                    seal ? taxCode() : null, seal ? budgetCode() : null, DemoProvince.PROVINCE,
                    email(unit.mailbox()), unit.parent() == null ? DemoProvince.ROOT_ADDRESS : null, null));
            summary.agencies++;
            agencyCodes.add(agency.code());
            summary.levels = Math.max(summary.levels, agency.depth() + 1);
            return agency;
        }

        /** The organisation certificate for the unit's seal (Mẫu 02), with the unit's own codes. */
        private void seal(Unit unit, Agency agency) {
            holders.add(subscriberService.create(new SubscriberRequest(SubscriberType.ORGANIZATION, unit.code(),
                    unit.seal(), agency.email(), null, null, null, null, null, null, agency.taxCode(),
                    agency.budgetCode(), agency.address(), DemoProvince.PROVINCE, null)));
            summary.organizations++;
        }

        /**
         * A head, deputies, and staff; bigger units higher up. Only a unit with its own seal keeps
         * its own accounts and records, so only it gets a chief accountant and a clerk.
         */
        private void staff(Unit unit, int depth) {
            Ranks ranks = DemoProvince.ranksOf(unit.name());
            int deputies = depth == 0 ? 3 : depth == 1 ? 2 : 1;
            int others = depth == 0 ? 4 : depth == 1 ? 1 + random.nextInt(4) : 1 + random.nextInt(3);
            official(unit, ranks.head(), 1965, 1975);
            for (int i = 0; i < deputies; i++) {
                official(unit, ranks.deputy(), 1968, 1982);
            }
            if (unit.seal() != null) {
                official(unit, "Kế toán trưởng", 1970, 1988);
                official(unit, "Văn thư", 1975, 2000);
            }
            for (int i = 0; i < others; i++) {
                official(unit, pick(ranks.staff()), 1970, 2000);
            }
        }

        private void official(Unit unit, String position, int bornFrom, int bornTo) {
            boolean female = random.nextBoolean();
            String family = pick(DemoProvince.FAMILY_NAMES);
            String middle = pick(female ? DemoProvince.MIDDLE_NAMES_FEMALE : DemoProvince.MIDDLE_NAMES_MALE);
            String given = pick(female ? DemoProvince.GIVEN_NAMES_FEMALE : DemoProvince.GIVEN_NAMES_MALE);
            int year = bornFrom + random.nextInt(bornTo - bornFrom + 1);
            LocalDate born = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
            // Chip ID cards were issued from 2021; the Căn cước that replaced them from July 2024 has another issuer.
            LocalDate issued = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1277));
            holders.add(subscriberService.create(new SubscriberRequest(SubscriberType.INDIVIDUAL, unit.code(),
                    family + " " + middle + " " + given, email(mailbox(family, middle, given)),
                    nationalId(born, female), issued, DemoProvince.ID_ISSUER, born, position, phone(), null, null,
                    null, DemoProvince.PROVINCE, null)));
            summary.individuals++;
        }

        /** Namesakes get 2, 3, … appended, as mail administrators do. */
        private String email(String mailbox) {
            String candidate = mailbox;
            for (int n = 2; !taken.add("mail:" + candidate); n++) {
                candidate = mailbox + n;
            }
            return candidate + "@" + DemoProvince.MAIL_DOMAIN;
        }

        /** Birth province, then sex and century (0/1 male/female born 19xx, 2/3 born 20xx), two digits of year. */
        private String nationalId(LocalDate born, boolean female) {
            int year = born.getYear();
            String head = pick(DemoProvince.BIRTH_PROVINCES) + ((year >= 2000 ? 2 : 0) + (female ? 1 : 0))
                    + (year % 100 / 10) + (year % 10);
            return unique(() -> head + digits(6));
        }

        /** Ten digits whose last is the check digit the tax authority computes, so stricter validators accept it. */
        private String taxCode() {
            int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
            return unique(() -> {
                String body = DemoProvince.TAX_PREFIX + digits(7);
                int sum = 0;
                for (int i = 0; i < weights.length; i++) {
                    sum += (body.charAt(i) - '0') * weights[i];
                }
                int check = 10 - sum % 11;
                return check == 10 ? null : body + check;
            });
        }

        private String budgetCode() {
            return unique(() -> "1" + digits(6));
        }

        private String phone() {
            return pick(DemoProvince.MOBILE_PREFIXES) + digits(7);
        }

        private String digits(int count) {
            StringBuilder s = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                s.append(random.nextInt(10));
            }
            return s.toString();
        }

        /** Draws until {@code draw} gives a value not seen before; null means "draw again". */
        private String unique(Supplier<String> draw) {
            while (true) {
                String value = draw.get();
                if (value != null && taken.add(value)) {
                    return value;
                }
            }
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
