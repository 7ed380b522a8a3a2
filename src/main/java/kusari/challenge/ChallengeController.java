package kusari.challenge;

import java.util.List;
import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import kusari.web.Links;
import io.javalin.http.Context;
import kusari.core.ReadingRepository;
import kusari.indicator.IndicatorQueries;
import kusari.core.Voices;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.NotFound;
import kusari.web.Requests;

/** Challenge pages (課題1…N). */
public final class ChallengeController {

    private final WorkspaceResolver resolver;
    private final ChallengeRepository challenges;
    private final IndicatorQueries indicators;
    private final ReadingRepository readings;
    private final Voices voices;

    public ChallengeController(WorkspaceResolver resolver, ChallengeRepository challenges,
                               IndicatorQueries indicators, ReadingRepository readings, Voices voices) {
        this.voices = voices;
        this.resolver = resolver;
        this.challenges = challenges;
        this.indicators = indicators;
        this.readings = readings;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.CHALLENGES, this::list, Access.READ).kept(),
                Route.get(Links.CHALLENGE, this::show, Access.READ).kept());
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        List<ChallengeRepository.ChallengeSummary> all = challenges.findAllWithCounts(ws.id());
        kusari.core.Paging paging = kusari.core.Paging.of("page", kusari.core.Paging.parse("page", ctx.queryParam("page")),
                ChallengeListPage.PER_PAGE, all.size());
        Pages.render(ctx, "challenge/list.jte",
                new ChallengeListPage(Requests.ui(ctx), ws, paging.slice(all), paging));
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int number = NotFound.pathInt(ctx, "number", "error.notFound.challenge");
        Challenge ch = challenges.findByNumber(ws.id(), number)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.challenge", ctx.pathParam("number")));
        Pages.render(ctx, "challenge/show.jte", new ChallengePage(Requests.ui(ctx), ws, ch,
                challenges.findEvidence(ch.id()), challenges.findApproaches(ch.id()),
                indicators.findByChallenge(ch.id()), challenges.findSteps(ch.id()), challenges.findProjects(ch.id()),
                readings.find("CHALLENGE", ch.id()), voices.ofChallenge(ch.id())));
    }
}
