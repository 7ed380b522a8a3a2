package kusari.db;

import java.sql.SQLException;

/** An unexpected database failure: a bug or a broken file, never a user's mistake. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
