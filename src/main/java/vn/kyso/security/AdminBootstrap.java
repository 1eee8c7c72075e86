package vn.kyso.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.KysoProperties;

/**
 * On a database with no users, creates the first administrator: from KYSO_ADMIN_USERNAME and
 * KYSO_ADMIN_PASSWORD, or with a random password shown once in the log and written, readable by
 * the owner only, to {@code <data dir>/initial-admin-password}.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final UserService userService;
    private final KysoProperties properties;

    AdminBootstrap(UserRepository users, UserService userService, KysoProperties properties) {
        this.users = users;
        this.userService = userService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (users.count() > 0) {
            return;
        }
        String username = StringUtils.hasText(properties.admin().username()) ? properties.admin().username() : "admin";
        boolean generated = !StringUtils.hasText(properties.admin().password());
        String password = generated ? randomPassword() : properties.admin().password();
        try {
            userService.create(AuditLog.SYSTEM,
                    new UserRequest(username, password, "Quản trị hệ thống", Set.of(Role.ADMIN), null));
        } catch (DataIntegrityViolationException e) {
            log.info("Another instance created the first administrator first");
            return;
        }
        if (generated) {
            Path file = properties.dataDir().resolve("initial-admin-password");
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            log.warn("Created administrator '{}' with generated password: {} (also in {}; change it after signing in)",
                    username, password, file.toAbsolutePath());
        } else {
            log.info("Created administrator '{}' from KYSO_ADMIN_USERNAME / KYSO_ADMIN_PASSWORD", username);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
