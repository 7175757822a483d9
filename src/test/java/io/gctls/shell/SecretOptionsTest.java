package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretOptionsTest {

    private final GctlsCommand login = new GctlsCommand("auth login", "Session", "log in", List.of(),
            OptionSpec.value("client-secret", "SECRET", "s").sensitive(), OptionSpec.file("client-secret-file", "f")) {
        @Override
        public Outcome run(Invocation invocation) {
            return Outcome.done();
        }
    };
    private final SecretOptions options = new SecretOptions(List.of(login));

    @Test
    void theValueOfASecretOptionIsMaskedInEveryForm() {
        assertThat(options.mask("auth login --client-secret s3cr3t-value --client-id x"))
                .isEqualTo("auth login --client-secret **** --client-id x");
        assertThat(options.mask("auth login --client-secret=s3cr3t-value")).isEqualTo("auth login --client-secret=****");
        assertThat(options.mask("auth login --client-secret 'two words'")).isEqualTo("auth login --client-secret ****");
    }

    @Test
    void aMistypedSecretOptionIsTreatedAsOneToo() {
        assertThat(options.carriesSecret("auth login --client-secrte TypoSecret999")).isTrue();
        assertThat(options.mask("auth login --client-secrte TypoSecret999")).doesNotContain("TypoSecret999");
        assertThat(options.carriesSecret("auth login --api-token abcdefgh")).isTrue();
    }

    @Test
    void aFileOptionCarriesAPathNotASecret() {
        assertThat(options.carriesSecret("auth login --client-secret-file ~/.gc-secret")).isFalse();
        assertThat(options.carriesSecret("cert inspect --cert a.pem --password-file key.pass")).isFalse();
        assertThat(options.carriesSecret("deploy --domain www.example.com")).isFalse();
    }
}
