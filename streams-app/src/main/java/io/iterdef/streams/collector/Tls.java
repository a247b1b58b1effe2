package io.iterdef.streams.collector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The collector endpoints' server TLS context, from a PKCS12 key store (ITERDEF_COLLECTOR_TLS_KEYSTORE). */
public final class Tls {
    private Tls() {
    }

    /** An SSLContext presenting the key store's key and certificate chain (TLS 1.2 and 1.3, the JDK's defaults). */
    public static SSLContext serverContext(Path keystore, String password) throws IOException {
        char[] pw = password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the TLS key store " + keystore + " (ITERDEF_COLLECTOR_TLS_KEYSTORE): "
                    + e.getMessage(), e);
        }
    }
}
