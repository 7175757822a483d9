package io.gctls.cert;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle JCA provider, created on first use and never registered globally. Creating it
 * costs about 0.2 s of start-up (it loads hundreds of classes), so everything that the JDK's own
 * providers can do goes through them, and only the rare paths (encrypted PKCS#8 keys, curves the JDK
 * dropped, a path the JDK refuses over a weak algorithm) pay for it.
 */
final class BouncyCastle {

    private BouncyCastle() {
    }

    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    static Provider provider() {
        return Holder.PROVIDER;
    }
}
