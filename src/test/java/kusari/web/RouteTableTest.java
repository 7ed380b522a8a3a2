package kusari.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.Handler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A route is declared once: its path fills the links to it, and the table refuses what would answer twice. */
class RouteTableTest {

    private static final Handler NOTHING = ctx -> { };

    @Test
    void aPathFillsItsParametersInOrderEachEncoded() {
        RoutePath path = RoutePath.of("/w/{ws}/trace/{kind}/{id}");
        assertEquals(List.of("ws", "kind", "id"), path.params());
        assertEquals("/w/omitama/trace/step/b-3", path.fill("omitama", "step", "b-3"));
        assertEquals("/w/a%20b/trace/%E8%AA%B2%E9%A1%8C/1%2F2", path.fill("a b", "課題", "1/2"));
        assertEquals("/w/{}/trace/{}/{}", path.shape());
        assertThrows(IllegalArgumentException.class, () -> path.fill("omitama", "step"));
        assertThrows(IllegalArgumentException.class, () -> RoutePath.of("/w/{ws}/x/{ws}"));
        assertThrows(IllegalArgumentException.class, () -> RoutePath.of("w/{ws"));
    }

    @Test
    void linksAreBuiltFromThePathTheRouteIsDeclaredWith() {
        assertEquals(Links.PERSONA.fill("omitama", "b"), Links.persona("omitama", "b"));
        assertEquals("/w/omitama/journeys/b#b-step-2", Links.step("omitama", "b", 2));
        assertEquals("/w/omitama/indicators.xlsx", Links.indicatorsExport("omitama", "xlsx"));
        assertEquals("/api/v1/workspaces/omitama/matrix.csv", Links.apiMatrix("omitama", "csv"));
        assertEquals("/api/v1/workspaces/omitama/actors/7/steps", Links.apiActorSteps("omitama", 7, null));
    }

    @Test
    void twoRoutesForTheSameRequestsAreRefused() {
        Feature persona = () -> List.of(Route.get(Links.PERSONA, NOTHING, Access.READ));
        Feature other = () -> List.of(Route.get("/w/{workspace}/personas/{id}", NOTHING, Access.EDIT));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RouteTable.of(List.of(persona, other)));
        assertTrue(e.getMessage().contains("answers the same requests"), e.getMessage());
        Feature post = () -> List.of(Route.post(Links.PERSONA, NOTHING, Access.EDIT));
        assertEquals(2, RouteTable.of(List.of(persona, post)).routes().size());
    }

    @Test
    void anApiRouteWithoutItsDescriptionIsRefused() {
        Feature undocumented = () -> List.of(Route.get("/api/v1/workspaces/{ws}/things", NOTHING, Access.READ));
        assertThrows(IllegalStateException.class, () -> RouteTable.of(List.of(undocumented)));
        Feature documented = () -> List.of(Route.get("/api/v1/workspaces/{ws}/things", NOTHING, Access.READ)
                .doc("Every thing"));
        assertEquals(1, RouteTable.of(List.of(documented)).api().size());
    }

    @Test
    void aRouteNamesWhoMayUseIt() {
        assertThrows(NullPointerException.class, () -> Route.get(Links.PERSONA, NOTHING, null));
    }
}
