package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The prefetch's warm-up signatures must really verify, or the warm-up would stop at the first failure unseen. */
class ClassPathPrefetchTest {

    @Test
    void everyWarmUpSignatureVerifies() {
        assertThat(ClassPathPrefetch.verifySignatures()).isEqualTo(3);
    }
}
