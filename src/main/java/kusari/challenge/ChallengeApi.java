package kusari.challenge;

import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Route;
import io.javalin.http.Context;
import java.util.List;
import kusari.challenge.ChallengeRepository.LinkedProject;
import kusari.challenge.ChallengeQueries.SpannedStep;
import kusari.indicator.Indicator;
import kusari.indicator.IndicatorQueries;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.NotFound;

/** Read-only JSON for challenges. */
public final class ChallengeApi {

    private final WorkspaceResolver resolver;
    private final ChallengeRepository challenges;
    private final IndicatorQueries indicators;

    public ChallengeApi(WorkspaceResolver resolver, ChallengeRepository challenges, IndicatorQueries indicators) {
        this.resolver = resolver;
        this.challenges = challenges;
        this.indicators = indicators;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/workspaces/{ws}/challenges", this::list, Access.READ)
                        .doc(kusari.web.ApiPaging.documented(ApiDoc.of("Every challenge, a part at a time")
                                .returnsList(ChallengeSummaryJson.class))),
                Route.get("/api/v1/workspaces/{ws}/challenges/{number}", this::show, Access.READ)
                        .doc(ApiDoc.of("One challenge by its number").returns(ChallengeJson.class)));
    }

    record ChallengeSummaryJson(int number, String title, long steps, long journeys, long projects) {
    }

    record ChallengeJson(int number, long version, String title, List<String> evidence, List<String> approaches,
                         List<String> actionIndicators, List<SpannedStep> steps, List<LinkedProject> projects) {
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(kusari.web.ApiPaging.part(ctx, challenges.findAllWithCounts(ws.id())).stream().map(s -> new ChallengeSummaryJson(
                s.challenge().number(), s.challenge().title(), s.steps(), s.journeys(), s.projects())).toList());
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int number = NotFound.pathInt(ctx, "number", "error.notFound.challenge");
        Challenge ch = challenges.findByNumber(ws.id(), number)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.challenge", ctx.pathParam("number")));
        long version = challenges.version(ch.id());
        kusari.web.Versioned.json(ctx, version, new ChallengeJson(ch.number(), version, ch.title(), challenges.findEvidence(ch.id()),
                challenges.findApproaches(ch.id()),
                indicators.findByChallenge(ch.id()).stream().map(Indicator::name).toList(),
                challenges.findSteps(ch.id()), challenges.findProjects(ch.id())));
    }
}
