package org.yimen.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yimen.shared.Rejected;

class PurposeTest {

    @Test
    void aPurposeHasTwoToTwoHundredCharacters() {
        assertThat(new Purpose("  回访 ").text()).isEqualTo("回访");
        assertThat(new Purpose("核".repeat(200)).text()).hasSize(200);
        for (String wrong : new String[] {null, "", " x ", "核".repeat(201)}) {
            assertThatThrownBy(() -> new Purpose(wrong)).isInstanceOf(Rejected.class)
                    .satisfies(e -> assertThat(((Rejected) e).field()).isEqualTo("purpose"))
                    .hasMessage("privacy.purpose.length");
        }
    }
}
