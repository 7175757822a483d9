package io.gctls.api;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import java.util.List;
import java.util.Optional;

/**
 * A request that did not succeed, as one line for the user: which request, the API's status,
 * {@code code}, {@code message} and {@code contextId} when it answered, and the attempts made.
 */
public class ApiException extends GctlsException {

    private final ApiError error;
    private final List<Attempt> attempts;

    public ApiException(ExitCode exitCode, String message, ApiError error, List<Attempt> attempts) {
        super(exitCode, message);
        this.error = error;
        this.attempts = List.copyOf(attempts);
    }

    /** An HTTP answer that ends the request: 401/403 are exit 4, other 4xx exit 5, 5xx exit 6. */
    public static ApiException refused(String request, RawResponse response, List<Attempt> attempts) {
        ApiError error = ApiError.from(response);
        int status = response.status();
        ExitCode code = status == 401 || status == 403 ? ExitCode.AUTH
                : status >= 500 ? ExitCode.UNAVAILABLE : ExitCode.API_REFUSED;
        String verb = status >= 500 ? " failed: " : " was refused: ";
        String tries = attempts.size() > 1 ? " after " + attempts.size() + " attempts" : "";
        return new ApiException(code, request + verb + error.summary() + tries, error, attempts);
    }

    public Optional<ApiError> error() {
        return Optional.ofNullable(error);
    }

    public int status() {
        return error == null ? 0 : error.status();
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    /**
     * A request that may have reached the server (5xx, reset or timeout on a create): the caller
     * must find out what happened before sending it again.
     */
    public static final class Ambiguous extends ApiException {
        public Ambiguous(String message, ApiError error, List<Attempt> attempts) {
            super(ExitCode.UNAVAILABLE, message, error, attempts);
        }
    }

    /** The circuit breaker is open: the request was not sent. */
    public static final class CircuitOpen extends ApiException {
        private final java.time.Instant nextTry;

        public CircuitOpen(String message, List<Attempt> attempts, java.time.Instant nextTry) {
            super(ExitCode.UNAVAILABLE, message, null, attempts);
            this.nextTry = nextTry;
        }

        /** When the breaker lets a request through again. */
        public java.time.Instant nextTry() {
            return nextTry;
        }
    }
}
