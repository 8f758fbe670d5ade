package org.yimen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yimen.catalog.ServiceItem.Status;
import org.yimen.shared.Rejected;

/** How an item's versions move: draft, publish (superseding), revise as a new version, retire. */
class ItemLifecycleTest {

    @Test
    void aNewItemIsDraftVersionOneAndEditsChangeThatDraft() {
        var item = ItemLifecycle.drafted("X-1");
        assertThat(item.draftVersion()).isEqualTo(1);
        assertThat(item.editOpensNewVersion()).isFalse();
    }

    @Test
    void editingAPublishedItemOpensTheNextVersion() {
        var item = new ItemLifecycle("X-1", 2, Status.PUBLISHED, 2);
        assertThat(item.editOpensNewVersion()).isTrue();
        assertThat(item.draftVersion()).isEqualTo(3);
    }

    @Test
    void publishingADraftSupersedesTheVersionInForce() {
        var publication = new ItemLifecycle("X-1", 3, Status.DRAFT, 2).publish();
        assertThat(publication.version()).isEqualTo(3);
        assertThat(publication.superseded()).isEqualTo(2);
    }

    @Test
    void publishingWithoutADraftIsRefusedNamingTheState() {
        assertThatThrownBy(() -> new ItemLifecycle("X-1", 2, Status.PUBLISHED, 2).publish())
                .isInstanceOf(Rejected.class)
                .hasMessage("catalog.item.publishRefused.PUBLISHED");
    }

    @Test
    void retiringNeedsAVersionInForce() {
        assertThat(new ItemLifecycle("X-1", 3, Status.DRAFT, 2).retire()).isEqualTo(2);
        assertThatThrownBy(() -> ItemLifecycle.drafted("X-1").retire())
                .hasMessage("catalog.item.retireRefused.DRAFT");
        assertThatThrownBy(() -> new ItemLifecycle("X-1", 2, Status.RETIRED, null).retire())
                .hasMessage("catalog.item.retireRefused.RETIRED");
    }
}
