package kusari.persona;

import kusari.db.Sql;
import kusari.change.Field;
import kusari.core.FieldError;
import kusari.change.Kind;
import kusari.web.Links;

/** A persona as people edit it. */
public final class PersonaKinds {

    private PersonaKinds() {
    }

    public static final Kind PERSONA = Kind.builder("persona", "personas").key("slug").label("label")
            .ownWorkspace().orderedWithin("workspace_id").unique("slug")
            .fields(
                    Field.slug("slug", "slug"),
                    Field.text("label", "label", true, 40),
                    Field.text("tagline", "tagline", false, 200),
                    Field.textarea("profile", "profile", false, 2000),
                    Field.textarea("story", "story", false, 4000),
                    Field.reference("policyField", "policy_field_id", "framework_node", false),
                    Field.lines("attributes", new Field.Child("persona_attribute", "persona_id", "position"), "text", 30))
            .rules((c, ws, id, values, errors) -> {
                Long field = (Long) values.get("policyField");
                if (field != null && Sql.queryLong(c, "SELECT depth FROM framework_node WHERE id = ?", field) != 1) {
                    errors.add(FieldError.of("policyField", "validation.policyField"));
                }
            })
            .viewer((c, ws, id) -> Links.persona(ws, Sql.queryOne(c, "SELECT slug FROM persona WHERE id = ?",
                    rs -> rs.getString(1), id).orElseThrow()))
            .build();
}
