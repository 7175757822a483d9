package io.gctls.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension the baseline stubs route to (by {@link #NAME}): it hands the request to
 * the {@link Emulator} and renders its answer, applying the fault that matched, if any. Not
 * global: per-scenario stubs that do not name it are served as written.
 */
final class SandboxTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "gctls-sandbox";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxTransformer.class);

    private final Emulator emulator;
    private final Sleeper sleeper;

    SandboxTransformer(Emulator emulator, Sleeper sleeper) {
        this.emulator = emulator;
        this.sleeper = sleeper;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Emulator.Answer answer;
        try {
            answer = emulator.handle(serveEvent.getRequest());
        } catch (RuntimeException e) {
            // A bug in the emulator must still answer like Genesys, with a contextId to find the log line.
            String contextId = UUID.randomUUID().toString();
            // one line for the user; the stack trace only with --debug (gctls prints none otherwise)
            LOG.error("sandbox failed on {} {} (contextId {}): {}", serveEvent.getRequest().getMethod(),
                    serveEvent.getRequest().getUrl(), contextId, e.toString());
            LOG.debug("sandbox failure (contextId {})", contextId, e);
            answer = new Emulator.Answer(ApiError.forStatus(500).toReply(contextId)
                    .header("inin-correlation-id", contextId), null);
        }
        return render(answer);
    }

    private ResponseDefinition render(Emulator.Answer answer) {
        Reply reply = answer.reply();
        FaultSpec fault = answer.fault();
        FaultSpec.Kind kind = fault == null ? null : fault.kind();
        int status = reply.status();
        String body = reply.body();
        if (kind == FaultSpec.Kind.MALFORMED) {
            status = status == 204 ? 200 : status;
            body = truncated(body);
            reply.header("Content-Type", "application/json");
        }
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
        reply.headers().forEach(builder::withHeader);
        if (body != null) {
            builder.withBody(body);
        } else if (reply.binary() != null) {
            builder.withBody(reply.binary());
        }
        if (kind == FaultSpec.Kind.RESET || kind == FaultSpec.Kind.RESET_AFTER) {
            builder.withFault(Fault.CONNECTION_RESET_BY_PEER);
        }
        if (kind == FaultSpec.Kind.DELAY) {
            // outside the emulator's lock: a slow answer holds back only its own request
            sleeper.sleep(Duration.ofMillis(fault.delayMillis()));
        }
        return builder.build();
    }

    /** Half of the real body: a JSON document cut mid-way never parses. */
    static String truncated(String body) {
        if (body == null || body.length() < 2) {
            return "{\"entities\":[";
        }
        return body.substring(0, body.length() / 2);
    }
}
