package kusari.indicator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import kusari.strategy.Workspace;
import kusari.strategy.WorkspaceResolver;

/** Read-only JSON for indicators. */
public final class IndicatorApi {

    private final WorkspaceResolver resolver;
    private final IndicatorRepository indicators;

    public IndicatorApi(WorkspaceResolver resolver, IndicatorRepository indicators) {
        this.resolver = resolver;
        this.indicators = indicators;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/workspaces/{ws}/indicators", this::list);
    }

    /** An indicator as the API shows it: numbers and the document's wording side by side. */
    public record IndicatorJson(long id, String kind, String name, String unit, String direction,
                                ValueJson baseline, TargetJson target, OwnerJson owner) {
        public static IndicatorJson of(Indicator i) {
            return new IndicatorJson(i.id(), i.kind(), i.name(), i.unit(), i.direction(),
                    new ValueJson(i.baselineValue(), i.baselineText(), i.baselineYear(), i.baselineSource()),
                    new TargetJson(i.targetValue(), i.targetText(), i.targetFiscalYear()),
                    new OwnerJson(i.ownerType(), i.ownerKey(), i.ownerTitle()));
        }
    }

    public record ValueJson(Double value, String text, String year, String source) {
    }

    public record TargetJson(Double value, String text, Integer fiscalYear) {
    }

    /** type NODE, PROJECT or CHALLENGE; key is the code or challenge number. */
    public record OwnerJson(String type, String key, String title) {
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(indicators.findAll(ws.id()).stream().map(IndicatorJson::of).toList());
    }
}
