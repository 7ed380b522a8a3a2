package kusari.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with the JDK's PBKDF2-HMAC-SHA256 at OWASP's Password Storage Cheat Sheet strength
 * (600,000 iterations for PBKDF2-HMAC-SHA256), a 16-byte random salt and a 32-byte key. No dependency: the JDK
 * implements it, and the stored string names the algorithm and iteration count so stronger settings can come
 * later without breaking old hashes ({@link #needsRehash}).
 */
public final class Passwords {

    static final int ITERATIONS = 600_000;
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when an account does not exist, so a wrong name costs as long as a wrong password. */
    private static final String DUMMY = hash("not a password, only spends the same time", ITERATIONS);

    private Passwords() {
    }

    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** True when {@code password} matches {@code stored}; constant time in the compared bytes. */
    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            verify("", DUMMY);
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /** Spends the time of one check, for an unknown account name. */
    static void spendTime() {
        verify("x", DUMMY);
    }

    static boolean needsRehash(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || !parts[0].equals(PREFIX) || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    /** Null when acceptable, else the message key saying why (length only, as NIST SP 800-63B advises). */
    public static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "account.password.tooShort";
        }
        if (password.length() > MAX_LENGTH) {
            return "account.password.tooLong";
        }
        return null;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
