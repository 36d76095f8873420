package org.hostledger.api.watch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of the Standard Webhooks specification, written from the specification and apart from the
 * application's signer: the key is the base64 after {@code whsec_}; the signed content is
 * {@code id.timestamp.body}; {@code webhook-signature} holds space-separated {@code v1,<base64>} signatures, one of
 * which must match (compared in constant time); the timestamp must be within the tolerance of now.
 */
final class StandardWebhooksVerifier {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooksVerifier() {}

    static boolean verify(String secret, String id, String timestamp, String signatures, String body, long nowSeconds)
            throws Exception {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(nowSeconds - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String versioned : signatures.split(" ")) {
            String[] parts = versioned.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")) {
                byte[] given = Base64.getDecoder().decode(parts[1]);
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }
}
