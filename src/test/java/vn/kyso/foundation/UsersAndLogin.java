package vn.kyso.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.kyso.support.Api;
import vn.kyso.support.KysoApi;

public interface UsersAndLogin extends KysoApi {

    @Test
    default void adminCreatesUsersOthersCannot() {
        Api registrar = newUser("REGISTRAR", null);
        var me = registrar.get("/api/v1/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"REGISTRAR\"]");
        assertThat(me.json().has("passwordHash")).isFalse();
        assertThat(registrar.post("/api/v1/users", Map.of("username", unique("x").toLowerCase(),
                "password", "Một mật khẩu đủ dài", "fullName", "X", "roles", List.of("ADMIN"))).status()).isEqualTo(403);

        var officer = admin().post("/api/v1/users", Map.of("username", unique("o").toLowerCase(),
                "password", "Một mật khẩu đủ dài", "fullName", "Cán bộ", "roles", List.of("AGENCY_OFFICER")));
        assertThat(officer.status()).isEqualTo(400);
        assertThat(officer.errorFields()).containsExactly("agencyCode");

        String name = unique("p").toLowerCase();
        var weak = admin().post("/api/v1/users", Map.of("username", name, "password", "short",
                "fullName", "X", "roles", List.of("CLERK")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorFields()).containsExactly("password");
        var containsName = admin().post("/api/v1/users", Map.of("username", name, "password", name + "-2026-abc",
                "fullName", "X", "roles", List.of("CLERK")));
        assertThat(containsName.errorFields()).containsExactly("password");
        var badRole = admin().post("/api/v1/users", Map.of("username", name, "password", "Một mật khẩu đủ dài",
                "fullName", "X", "roles", List.of("KING")));
        assertThat(badRole.status()).isEqualTo(400);

        var ok = admin().post("/api/v1/users", Map.of("username", name, "password", "Một mật khẩu đủ dài",
                "fullName", "X", "roles", List.of("CLERK")));
        assertThat(ok.status()).isEqualTo(201);
        var again = admin().post("/api/v1/users", Map.of("username", name.toUpperCase(), "password",
                "Một mật khẩu đủ dài", "fullName", "X", "roles", List.of("CLERK")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorFields()).containsExactly("username");

        String hash = jdbc().sql("SELECT password_hash FROM app_user WHERE username = ?").param(name)
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}").doesNotContain("Một mật khẩu");
        String auditText = String.join(" ", jdbc().sql("SELECT after_state FROM audit_entry WHERE entity_id = ?")
                .param(name).query(String.class).list());
        assertThat(auditText).doesNotContain(hash).doesNotContain("Một mật khẩu");
    }

    @Test
    default void repeatedFailuresLockTheAccountUntilUnlocked() {
        String username = unique("l").toLowerCase();
        String password = "Mật khẩu đúng 2026";
        assertThat(admin().post("/api/v1/users", Map.of("username", username, "password", password,
                "fullName", "Khóa", "roles", List.of("CLERK"))).status()).isEqualTo(201);
        Api right = api().as(username, password);
        Api wrong = api().as(username, "sai mật khẩu rồi");
        assertThat(right.get("/api/v1/users/me").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/users/me").status()).isEqualTo(401);
        }
        var locked = right.get("/api/v1/users/me");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(admin().get("/api/v1/users/" + username).json().path("lockedUntil").isNull()).isFalse();
        assertThat(jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'user.locked' AND entity_id = ?")
                .param(username).query(Long.class).single()).isEqualTo(1);

        assertThat(admin().patch("/api/v1/users/" + username, Map.of("unlock", true)).status()).isEqualTo(200);
        assertThat(right.get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    default void aChangedPasswordOrDisabledAccountTakesEffectAtOnce() {
        String username = unique("c").toLowerCase();
        String oldPassword = "Mật khẩu cũ 2026 ab";
        assertThat(admin().post("/api/v1/users", Map.of("username", username, "password", oldPassword,
                "fullName", "Đổi mật khẩu", "roles", List.of("AUDITOR"))).status()).isEqualTo(201);
        Api old = api().as(username, oldPassword);
        assertThat(old.get("/api/v1/users/me").status()).isEqualTo(200);
        String newPassword = "Mật khẩu mới 2026 cd";
        assertThat(admin().patch("/api/v1/users/" + username, Map.of("password", newPassword)).status()).isEqualTo(200);
        assertThat(old.get("/api/v1/users/me").status()).isEqualTo(401);
        Api fresh = api().as(username, newPassword);
        assertThat(fresh.get("/api/v1/users/me").status()).isEqualTo(200);
        assertThat(admin().patch("/api/v1/users/" + username, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(fresh.get("/api/v1/users/me").status()).isEqualTo(401);
    }
}
