package org.yimen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How long the one extension is (行政许可法 Art. 42): the item's own where a law sets one, else the statutory one. */
class ServiceItemExtensionTest {

    private static ServiceItem item(@Nullable Integer extensionDays, List<Long> consulted) {
        return new ServiceItem("T-003", 1, ServiceItem.Status.PUBLISHED, "测试事项", ServiceItem.Type.LICENSING, 1L,
                "", "", "", List.of(), List.of(), consulted, List.of(), 60, 12, extensionDays, List.of(), List.of(), 2,
                "", "", "", "", "", "", List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void anItemWithoutItsOwnExtensionGetsTheStatutoryTenDays() {
        assertThat(item(null, List.of()).extensionDaysAllowed()).isEqualTo(10);
    }

    @Test
    void aJointReviewItemWithoutItsOwnExtensionGetsFifteenDays() {
        assertThat(item(null, List.of(2L, 3L)).extensionDaysAllowed()).isEqualTo(15);
    }

    @Test
    void anItemsOwnExtensionWinsOverTheStatutoryOneJointReviewOrNot() {
        assertThat(item(30, List.of()).extensionDaysAllowed()).isEqualTo(30);
        assertThat(item(5, List.of(2L)).extensionDaysAllowed()).isEqualTo(5);
    }
}
