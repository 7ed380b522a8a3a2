package kusari.actor;

import java.util.List;
import java.util.Map;
import kusari.change.Field;
import kusari.change.Kind;
import kusari.web.Links;

/** A department (行政) or partner (行政以外) as people edit it. */
public final class ActorKinds {

    private ActorKinds() {
    }

    public static final Kind ACTOR = new Kind("actor", "actors", "id", "name",
            Kind.ownWorkspace("actor"), "workspace_id", List.of("name"),
            List.of(
                    Field.text("name", "name", true, 100),
                    Field.choice("kind", "kind", "GOVERNMENT", "PARTNER")),
            List.of(),
            (c, ws, id) -> Links.actor(ws, id),
            Map.of(), null);
}
