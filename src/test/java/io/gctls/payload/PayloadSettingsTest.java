package io.gctls.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadSettingsTest {

    @Test
    void spellingsOfTheSupportedVersionsAreAccepted() {
        assertThat(PayloadSettings.tlsVersion("TLSv1.2")).isEqualTo("TLSv1.2");
        assertThat(PayloadSettings.tlsVersion("1.3")).isEqualTo("TLSv1.3");
        assertThat(PayloadSettings.tlsVersion("tls1.3")).isEqualTo("TLSv1.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.1", "TLSv1.0", "1.0", "tls1.1", "SSLv3"})
    void versionsBelowTwelveAreRefusedAsInput(String version) {
        assertThatThrownBy(() -> PayloadSettings.tlsVersion(version)).isInstanceOfSatisfying(GctlsException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
                    assertThat(e.getMessage()).contains("TLSv1.2 or later");
                });
    }

    @Test
    void nonsenseIsAUsageError() {
        assertThatThrownBy(() -> PayloadSettings.tlsVersion("TLSv9")).isInstanceOfSatisfying(GctlsException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
