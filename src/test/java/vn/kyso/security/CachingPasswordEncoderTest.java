package vn.kyso.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingPasswordEncoderTest {

    /** Counts real checks; "hash" is the password reversed. */
    static class Counting implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return new StringBuilder(raw).reverse().toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encode(raw).equals(encoded);
        }
    }

    @Test
    void aSuccessfulCheckIsRememberedUntilItExpiresOrTheHashChanges() {
        Counting inner = new Counting();
        MutableClock clock = new MutableClock();
        var encoder = new CachingPasswordEncoder(inner, clock, Duration.ofMinutes(5));
        String hash = inner.encode("đúng");
        assertThat(encoder.matches("đúng", hash)).isTrue();
        assertThat(encoder.matches("đúng", hash)).isTrue();
        assertThat(inner.checks).hasValue(1);

        assertThat(encoder.matches("sai", hash)).isFalse();
        assertThat(encoder.matches("sai", hash)).isFalse();
        assertThat(inner.checks).hasValue(3);

        assertThat(encoder.matches("đúng", inner.encode("mới"))).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(encoder.matches("đúng", hash)).isTrue();
        assertThat(inner.checks).hasValue(5);
    }

    @Test
    void clientsArrivingTogetherShareOneCheck() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Counting inner = new Counting() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.matches(raw, encoded);
            }
        };
        var encoder = new CachingPasswordEncoder(inner, new MutableClock(), Duration.ofMinutes(5));
        String hash = inner.encode("đúng");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var first = pool.submit(() -> encoder.matches("đúng", hash));
            inside.await();
            java.util.List<java.util.concurrent.Future<Boolean>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> encoder.matches("đúng", hash)));
            }
            // the others are now waiting on the first check or have not reached it yet; let it finish
            Thread.sleep(200);
            release.countDown();
            assertThat(first.get()).isTrue();
            for (var other : others) {
                assertThat(other.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inner.checks).hasValue(1);
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T00:00:00Z");

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
