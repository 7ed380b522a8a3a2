package kusari.web;

import io.javalin.http.Context;

/**
 * Who is asking and whether they may: the accounts feature answers it, the server only calls it at the right
 * moments of every request (so the web layer does not depend on accounts).
 */
public interface Gate {

    /** Before every request: finds who sent it (token or session) and makes them the author of its changes. */
    void authenticate(Context ctx);

    /** Before every matched route: lets the request through or refuses it before any handler runs. */
    void authorize(Context ctx);

    /** After every request: the thread goes back to the pool without an author. */
    void forget(Context ctx);
}
