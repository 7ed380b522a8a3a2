package kusari.actor;

import kusari.change.Field;
import kusari.change.Kind;
import kusari.web.Links;

/** A department (行政) or partner (行政以外) as people edit it. */
public final class ActorKinds {

    private ActorKinds() {
    }

    public static final Kind ACTOR = Kind.builder("actor", "actors").key("id").label("name")
            .ownWorkspace().orderedWithin("workspace_id").unique("name")
            .fields(
                    Field.text("name", "name", true, 100),
                    Field.choice("kind", "kind", ActorKind.codes()))
            .viewer((c, ws, id) -> Links.actor(ws, id))
            .build();
}
