package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuditChangesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void onlyTheFieldsThatMovedAreListed() {
        assertThat(AuditChanges.between(json, "{\"policy\":{\"minRsaBits\":2048,\"strict\":true}}",
                "{\"policy\":{\"minRsaBits\":3072,\"strict\":true}}"))
                .containsExactly(new AuditChanges.Line("policy.minRsaBits", "2048", "3072"));
    }

    @Test
    void anAfterStateWrappedInAnObjectIsComparedFieldByField() {
        assertThat(AuditChanges.between(json,
                "{\"username\":\"ha\",\"lockedUntil\":\"2026-11-23T01:00:00Z\",\"enabled\":true}",
                "{\"user\":{\"username\":\"ha\",\"lockedUntil\":null,\"enabled\":true},\"passwordChanged\":true}"))
                .containsExactly(new AuditChanges.Line("lockedUntil", "2026-11-23T01:00:00Z", null),
                        new AuditChanges.Line("passwordChanged", null, "true"));
    }

    @Test
    void aCreationListsEveryValueAndARowThatIsNotJsonIsShownAsText() {
        assertThat(AuditChanges.between(json, null, "{\"name\":\"Sở Nội vụ\",\"roles\":[\"CLERK\"]}"))
                .containsExactly(new AuditChanges.Line("name", null, "Sở Nội vụ"),
                        new AuditChanges.Line("roles", null, "[\"CLERK\"]"));
        assertThat(AuditChanges.between(json, null, "đã bị sửa"))
                .containsExactly(new AuditChanges.Line("", null, "đã bị sửa"));
    }
}
