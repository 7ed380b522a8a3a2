package kusari.account;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with the JDK's HMAC: 30-second steps, 6 digits,
 * HMAC-SHA1 as every authenticator app expects; codes of the step before and after are accepted (clock drift).
 * The secret is shown to people in Base32 (RFC 4648), the form authenticator apps take.
 */
public final class Totp {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;

    private Totp() {
    }

    /** The code for a time step ({@code epochSeconds / 30}); {@code algorithm} e.g. "HmacSHA1", "HmacSHA256". */
    static String code(byte[] secret, long step, int digits, String algorithm) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, "RAW"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int otp = binary % (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", otp);
    }

    static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /**
     * The time step whose code {@code given} is (now, one before or one after), if it is later than
     * {@code lastUsedStep} (a code is good once); else -1.
     */
    static long matchingStep(String base32Secret, String given, long epochSeconds, Long lastUsedStep) {
        if (given == null) {
            return -1;
        }
        String code = given.replaceAll("\\s", "");
        if (!code.matches("\\d{" + DIGITS + "}")) {
            return -1;
        }
        byte[] secret = Base32.decode(base32Secret);
        long now = epochSeconds / STEP_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())
                    && (lastUsedStep == null || step > lastUsedStep)) {
                return step;
            }
        }
        return -1;
    }

    static String newSecret() {
        return Base32.encode(Tokens.randomBytes(20));
    }

    /** The otpauth:// address authenticator apps read (typed or pasted; Kusari draws no QR code). */
    static String uri(String issuer, String account, String base32Secret) {
        String label = java.net.URLEncoder.encode(issuer + ":" + account, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer="
                + java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8) + "&digits=6&period=30";
    }

    /** RFC 4648 Base32 without padding. */
    static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private Base32() {
        }

        static String encode(byte[] data) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : data) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            return out.toString();
        }

        static byte[] decode(String text) {
            String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
            ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char ch : clean.toCharArray()) {
                int value = ALPHABET.indexOf(ch);
                if (value < 0) {
                    throw new IllegalArgumentException("not Base32: " + ch);
                }
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8) {
                    out.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return out.array();
        }
    }
}
