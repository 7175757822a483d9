package io.gctls.probe;

import io.gctls.cert.Finding;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewords the inspector's findings for a chain a server sent. The inspector speaks about files a
 * user hands over ({@code --cert}, {@code --chain}) and what the payload will fix; a probe judges
 * what a live server sent, which nobody fixes on the way. The served chain goes through the
 * inspector as a temporary {@code --cert} file, so its name is replaced as well. ProberTest pins
 * that no reworded message mentions a file, an option or the payload: a change of the
 * inspector's wording shows up there.
 */
final class ServedChainWording {

    /** Literal replacements, applied in order. */
    private static final Map<String, String> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put(" (from --cert)", " (served)");
        PHRASES.put("the certificates are supplied as ", "the server sends ");
        PHRASES.put(", but a server must send the leaf first", ", but it must send the leaf first");
        PHRASES.put("neither in the chain supplied nor in", "neither in the served chain nor in");
        PHRASES.put("; add the missing intermediate to --chain",
                "; the server must send the missing intermediate after the leaf");
        PHRASES.put("; add it to --chain if it is an intermediate, or to the trust anchors if it is the root you trust",
                "; the server must send it if it is an intermediate; if it is a root you trust, pass it with --trust");
        PHRASES.put("; it must hold one leaf, optionally followed by its chain",
                "; a server sends one leaf, followed by its chain");
        PHRASES.put("; servers must not send it, and the payload drops it", "; servers need not send it");
    }

    private ServedChainWording() {
    }

    /**
     * @param servedFile how the inspector names the temporary file, e.g. {@code --cert /tmp/gctls-probe-1.pem}
     */
    static Finding reword(Finding finding, String servedFile) {
        String message = finding.message().replace(servedFile, "the served chain");
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            message = message.replace(phrase.getKey(), phrase.getValue());
        }
        // "...; the payload drops it", "; the payload reorders them", "; the payload sends it once"
        message = message.replaceAll("; the payload [^;]*$", "");
        return new Finding(finding.severity(), finding.code(), message, finding.certificate());
    }
}
