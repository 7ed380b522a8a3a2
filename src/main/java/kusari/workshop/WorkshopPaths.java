package kusari.workshop;

import kusari.web.RoutePath;

/** The workshop's addresses, each written once: its routes are declared with them and its pages link with them. */
public final class WorkshopPaths {

    public static final RoutePath WORKSHOPS = RoutePath.of("/api/v1/workspaces/{ws}/workshops");
    public static final RoutePath WORKSHOP = RoutePath.of("/api/v1/workspaces/{ws}/workshops/{id}");
    public static final RoutePath BOARD_EVENTS = RoutePath.of("/api/v1/workspaces/{ws}/workshops/{id}/events");
    public static final RoutePath HIDE = RoutePath.of("/api/v1/workspaces/{ws}/workshops/{id}/cards/{card}/hide");
    public static final RoutePath PROMOTE = RoutePath.of("/api/v1/workspaces/{ws}/workshops/{id}/cards/{card}/promote");
    public static final RoutePath BOARD = RoutePath.of("/w/{ws}/workshops/{id}/board");
    public static final RoutePath JOIN = RoutePath.of("/j/{code}");
    public static final RoutePath JOINED = RoutePath.of("/api/v1/join/{code}");
    public static final RoutePath CARDS = RoutePath.of("/api/v1/join/{code}/cards");
    public static final RoutePath CARD = RoutePath.of("/api/v1/join/{code}/cards/{id}");
    public static final RoutePath VOTE = RoutePath.of("/api/v1/join/{code}/cards/{id}/vote");
    public static final RoutePath EVENTS = RoutePath.of("/api/v1/join/{code}/events");
    /** A participant's display name in a named workshop. */
    public static final RoutePath NAME = RoutePath.of("/api/v1/join/{code}/name");

    private WorkshopPaths() {
    }
}
