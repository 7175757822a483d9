package io.gctls.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionResolverTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private ConnectionResolver resolver() {
        return new ConnectionResolver(Environment.of(env), new ProfileStore(dir.resolve("config.toml"),
                dir.resolve("state"), dir));
    }

    private void config(String toml) throws IOException {
        Files.writeString(dir.resolve("config.toml"), toml);
        Files.setPosixFilePermissions(dir.resolve("config.toml"), PosixFilePermissions.fromString("rw-------"));
    }

    private Path secretFile(String name, String content, String permissions) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static ConnectionRequest flags(String region, String clientId, String secret) {
        return new ConnectionRequest(Optional.empty(), Optional.ofNullable(region), Optional.empty(), Optional.empty(),
                Optional.ofNullable(clientId), Optional.ofNullable(secret), Optional.empty());
    }

    @Test
    void flagsBeatEnvironmentBeatProfile() throws IOException {
        config("[prod]\nregion = \"eu-central-1\"\nclient-id = \"from-profile\"\nclient-secret = \"profile-secret\"\n");
        env.put("GCTLS_PROFILE", "prod");
        env.put("GENESYSCLOUD_REGION", "eu-west-1");
        env.put("GENESYSCLOUD_OAUTHCLIENT_ID", "from-env");

        Connection fromEnv = resolver().resolve(ConnectionRequest.none(), true);
        assertThat(fromEnv.endpoints().apiUrl()).isEqualTo("https://api.mypurecloud.ie");
        assertThat(fromEnv.credentials().clientId()).isEqualTo("from-env");
        assertThat(fromEnv.credentials().secret()).isEqualTo("profile-secret");
        assertThat(fromEnv.sources()).containsEntry("api", "GENESYSCLOUD_REGION").containsEntry("secret", "profile prod");

        Connection fromFlags = resolver().resolve(flags("ap-south-1", "from-flag", "flag-secret"), true);
        assertThat(fromFlags.endpoints().apiUrl()).isEqualTo("https://api.aps1.pure.cloud");
        assertThat(fromFlags.credentials().clientId()).isEqualTo("from-flag");
        assertThat(fromFlags.credentials().secret()).isEqualTo("flag-secret");

        env.clear();
        env.put("GCTLS_PROFILE", "prod");
        Connection fromProfile = resolver().resolve(ConnectionRequest.none(), true);
        assertThat(fromProfile.endpoints().apiUrl()).isEqualTo("https://api.mypurecloud.de");
        assertThat(fromProfile.credentials().clientId()).isEqualTo("from-profile");
    }

    @Test
    void theAliasVariablesAreRead() {
        env.put("GENESYS_ENV_URL", "http://127.0.0.1:9999");
        env.put("GENESYS_API_KEY", "alias-id");
        env.put("GENESYS_API_SECRET", "alias-secret-value");
        Connection c = resolver().resolve(ConnectionRequest.none(), true);
        assertThat(c.endpoints().apiUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(c.endpoints().loginUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(c.credentials().clientId()).isEqualTo("alias-id");
        assertThat(c.credentials().secret()).isEqualTo("alias-secret-value");

        env.put("GENESYSCLOUD_OAUTHCLIENT_ID", "official-id");
        env.put("GENESYS_LOGIN_URL", "http://127.0.0.1:7777");
        Connection official = resolver().resolve(ConnectionRequest.none(), true);
        assertThat(official.credentials().clientId()).isEqualTo("official-id");
        assertThat(official.endpoints().loginUrl()).isEqualTo("http://127.0.0.1:7777");
    }

    @Test
    void nothingConfiguredSaysHowToConfigure() {
        assertThatThrownBy(() -> resolver().resolve(ConnectionRequest.none(), true))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    // the same exit code and line as auth status with nothing configured
                    assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH);
                    assertThat(e.getMessage()).contains("--region").contains("GENESYSCLOUD_REGION")
                            .contains("--sandbox");
                });
        assertThat(resolver().hasTarget(ConnectionRequest.none())).isFalse();
    }

    @Test
    void aMissingClientIdIsAnAuthenticationFailure() {
        env.put("GENESYSCLOUD_REGION", "eu-west-1");
        assertThatThrownBy(() -> resolver().resolve(ConnectionRequest.none(), true))
                .isInstanceOfSatisfying(GctlsException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH));
    }

    @Test
    void aMissingSecretIsLeftForLaterAndSaysHowToGiveOne() {
        env.put("GENESYSCLOUD_REGION", "eu-west-1");
        env.put("GENESYSCLOUD_OAUTHCLIENT_ID", "id");
        ClientCredentials credentials = resolver().resolve(ConnectionRequest.none(), true).credentials();
        assertThat(credentials.hasSecret()).isFalse();
        assertThatThrownBy(credentials::basicAuthorization).hasMessageContaining("GENESYSCLOUD_OAUTHCLIENT_SECRET");
    }

    @Test
    void aSecretFileIsReadWhenOnlyItsOwnerCanReadIt() throws IOException {
        env.put("GENESYSCLOUD_REGION", "eu-west-1");
        env.put("GENESYSCLOUD_OAUTHCLIENT_ID", "id");
        Path ok = secretFile("ok.secret", "s3cr3t-from-file\n", "rw-------");
        ConnectionRequest request = new ConnectionRequest(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(ok));
        assertThat(resolver().resolve(request, true).credentials().secret()).isEqualTo("s3cr3t-from-file");

        Path shared = secretFile("shared.secret", "s3cr3t-shared\n", "rw-r--r--");
        ConnectionRequest bad = new ConnectionRequest(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(shared));
        assertThatThrownBy(() -> resolver().resolve(bad, true)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INPUT);
            assertThat(e.getMessage()).contains("other users can read it").contains("chmod 600")
                    .doesNotContain("s3cr3t-shared");
        });
    }

    @Test
    void anInlineSecretInASharedConfigFileIsRefused() throws IOException {
        config("[prod]\nregion = \"eu-west-1\"\nclient-id = \"id\"\nclient-secret = \"inline-secret\"\n");
        Files.setPosixFilePermissions(dir.resolve("config.toml"), PosixFilePermissions.fromString("rw-r--r--"));
        env.put("GCTLS_PROFILE", "prod");
        assertThatThrownBy(() -> resolver().resolve(ConnectionRequest.none(), true))
                .hasMessageContaining("other users can read it");
    }

    @Test
    void retryLimitsComeFromTheProfile() throws IOException {
        config("[prod]\nregion = \"eu-west-1\"\nclient-id = \"id\"\n[prod.retry]\nmax-attempts = 3\nmax-total = \"45s\"\n"
                + "max-wait = \"10s\"\n");
        env.put("GCTLS_PROFILE", "prod");
        Connection c = resolver().resolve(ConnectionRequest.none(), true);
        assertThat(c.retry().maxAttempts()).isEqualTo(3);
        assertThat(c.retry().maxTotal()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.retry().maxWait()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anUnknownRetrySettingIsNamed() throws IOException {
        config("[prod]\nregion = \"eu-west-1\"\nclient-id = \"id\"\n[prod.retry]\nmax-atempts = 3\n");
        env.put("GCTLS_PROFILE", "prod");
        assertThatThrownBy(() -> resolver().resolve(ConnectionRequest.none(), true))
                .hasMessageContaining("unknown setting retry.max-atempts in profile prod");
    }

    @Test
    void aProfileTurnsTheTokenCacheOff() throws IOException {
        config("[ci]\nregion = \"eu-west-1\"\nclient-id = \"id\"\ntoken-cache = false\n");
        env.put("GCTLS_PROFILE", "ci");
        assertThat(resolver().resolve(ConnectionRequest.none(), true).tokenCache()).isFalse();
    }

    private void refusedWithRetry(String setting, String message) throws IOException {
        config("[prod]\nregion = \"eu-west-1\"\nclient-id = \"id\"\n[prod.retry]\n" + setting + "\n");
        env.put("GCTLS_PROFILE", "prod");
        assertThatThrownBy(() -> resolver().resolve(ConnectionRequest.none(), true))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void retryValuesThatWouldTurnTheLimitsOffAreRefusedWhenRead() throws IOException {
        refusedWithRetry("request-timeout = \"0s\"", "retry.request-timeout in profile prod must be more than 0s");
        refusedWithRetry("request-timeout = \"-1s\"", "cannot be negative");
        refusedWithRetry("max-attempts = -5", "retry.max-attempts in profile prod must be 1 to 100, not -5");
        refusedWithRetry("max-attempts = \"\u0663\"", "must be a whole number");
        refusedWithRetry("max-total = \"30\"", "needs a unit");
    }

    @Test
    void aUrlWithAPortThatCannotExistIsAUsageErrorBeforeAnythingIsSent() throws IOException {
        ConnectionRequest request = new ConnectionRequest(Optional.empty(), Optional.empty(),
                Optional.of("http://127.0.0.1:99999"), Optional.empty(), Optional.of("id"), Optional.of("s"),
                Optional.empty());
        assertThatThrownBy(() -> resolver().resolve(request, true)).isInstanceOfSatisfying(GctlsException.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("--api-url 'http://127.0.0.1:99999' is not a usable URL")
                            .contains("port 99999 does not exist");
                });
        env.put("GENESYS_ENV_URL", "https://api.example.test:0");
        assertThatThrownBy(() -> resolver().resolve(flags(null, "id", "s"), true))
                .hasMessageContaining("GENESYS_ENV_URL");
        env.remove("GENESYS_ENV_URL");
        config("[prod]\napi-url = \"https://api.example.test:70000\"\nclient-id = \"id\"\n");
        env.put("GCTLS_PROFILE", "prod");
        assertThatThrownBy(() -> resolver().resolve(flags(null, "id", "s"), true))
                .hasMessageContaining("api-url of profile prod");
    }
}
