package io.gctls.cert;

import io.gctls.core.Cancellation;
import java.io.IOException;
import java.net.URI;

/**
 * The network behind chain repair (CA Issuers URLs) and revocation (OCSP, CRL): two plain HTTP
 * calls, so that tests and the sandbox can put their own behind it. Implementations bound every
 * call by a short timeout and by {@code maxBytes}, and end it on Ctrl-C.
 */
public interface Network {

    /** What came back: the status, the content type (empty when none) and the body. */
    record Response(int status, String contentType, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * @throws IOException one line saying why (refused, timed out, too large, ...), never a secret
     */
    Response get(URI uri, int maxBytes, Cancellation cancellation) throws IOException;

    Response post(URI uri, String contentType, byte[] body, int maxBytes, Cancellation cancellation)
            throws IOException;
}
