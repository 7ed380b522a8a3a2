package kusari.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What every page needs besides its data: interface text in the user's language, the current path (for the
 * language switch) and the CSRF token for forms. Made once per request, before any handler; never changed after.
 */
public final class Ui {

    private final Lang lang;
    private final ResourceBundle bundle;
    private final String path;
    private final String csrfToken;
    private final Long done;
    private final Viewer viewer;
    private final YearStyle yearStyle;

    public Ui(Lang lang, String path, String csrfToken) {
        this(lang, path, csrfToken, null);
    }

    /**
     * Who is looking: their name for the header's sign-out button, and whether they may edit a
     * workspace (pages hide editing controls from those who may not; the server refuses them anyway).
     */
    public record Viewer(String name, boolean siteAdmin, java.util.function.LongPredicate mayEdit,
                         java.util.function.BiPredicate<Long, Long> mayEditAction,
                         java.util.function.LongPredicate mayEditEverything, java.util.function.LongPredicate mayRead,
                         String identity) {
        public static final Viewer NOBODY = new Viewer(null, false, ws -> false, (ws, action) -> false, ws -> false,
                ws -> true, "");

        /**
         * @param identity who is looking, as a key ("" for nobody signed in): what this viewer may do follows from
         *                 it and the stored data, so a page made for one identity may be shown to it again while
         *                 the data is unchanged
         */
        public Viewer {
            java.util.Objects.requireNonNull(identity, "identity");
        }
    }

    /** True when the person looking may edit everything in this workspace (planner or administrator). */
    public boolean mayEditSteps(long workspaceId) {
        return viewer.mayEditEverything().test(workspaceId);
    }

    public Ui(Lang lang, String path, String csrfToken, Long done, Viewer viewer) {
        this(lang, path, csrfToken, done, viewer, null);
    }

    private Ui(Lang lang, String path, String csrfToken, Long done, Viewer viewer, YearStyle yearStyle) {
        this.yearStyle = yearStyle;
        this.lang = lang;
        this.bundle = lang.bundle();
        this.path = path;
        this.csrfToken = csrfToken;
        this.done = done;
        this.viewer = viewer == null ? Viewer.NOBODY : viewer;
    }

    /** The signed-in account's name, or null. */
    public String account() {
        return viewer.name();
    }

    public boolean siteAdmin() {
        return viewer.siteAdmin();
    }

    /** True when the person looking may edit this action (a department member: only their actors' actions). */
    public boolean mayEditAction(long workspaceId, long actionId) {
        return viewer.mayEditAction().test(workspaceId, actionId);
    }

    /** True when the person looking may read this workspace: lists of workspaces leave out the others. */
    public boolean mayRead(long workspaceId) {
        return viewer.mayRead().test(workspaceId);
    }

    /** True when the person looking may edit (something in) this workspace. */
    public boolean mayEdit(long workspaceId) {
        return viewer.mayEdit().test(workspaceId);
    }

    /** @param done the change just made, when a form redirected here after saving (shown with an undo button) */
    public Ui(Lang lang, String path, String csrfToken, Long done) {
        this(lang, path, csrfToken, done, Viewer.NOBODY);
    }

    /** The change a form just made (from {@code ?done=}), or null. */
    public Long done() {
        return done;
    }

    /** Interface text for a key; a missing key shows as the key itself so that it is noticed, never a crash. */
    public String t(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** Interface text with {0}, {1}… filled in. */
    public String t(String key, Object... args) {
        MessageFormat format = FORMATS.computeIfAbsent(lang.name() + '\u0000' + key,
                k -> new MessageFormat(t(key), lang.locale()));
        // A MessageFormat is not safe to share between threads while it formats; its pattern is parsed only once.
        synchronized (format) {
            return format.format(args);
        }
    }

    /**
     * Parsed messages by language and key: a page fills in dozens, and parsing a pattern (with the number formats
     * of its locale) cost more than filling it. Bounded by the bundles' keys, plus the keys pages ask for that the
     * bundles lack, which are a fixed set in the code.
     */
    private static final java.util.concurrent.ConcurrentMap<String, MessageFormat> FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Lang lang() {
        return lang;
    }

    public boolean japanese() {
        return lang == Lang.JA;
    }

    public String path() {
        return path;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The same page in the other language. */
    public String switchLanguageUrl() {
        return path + "?lang=" + lang.other().code();
    }

    public String fiscalYear(int year) {
        return yearStyle != null ? yearStyle.format(year, japanese()) : new FiscalYear(year).label(japanese());
    }

    /**
     * A year as typed into a text field (a baseline's 「H26」), in the workspace's style when it reads as a fiscal
     * year, else as typed (a date such as 「2020年10月1日」).
     */
    public String yearText(String typed) {
        return (yearStyle != null ? yearStyle : YearStyle.WAREKI_WESTERN).text(typed, japanese());
    }

    /**
     * The same page context showing fiscal years in a workspace's chosen style (null: the default label). Made once
     * per request when the workspace is found, so every page and chart of the request shows years alike.
     */
    public Ui withYearStyle(YearStyle style) {
        return new Ui(lang, path, csrfToken, done, viewer, style);
    }

    /** The same context with another CSRF token in its forms (a kept page is made with a stand-in). */
    public Ui withCsrfToken(String token) {
        return new Ui(lang, path, token, done, viewer, yearStyle);
    }

    /** Who is looking, as a key ({@link Viewer#identity}). */
    public String identity() {
        return viewer.identity();
    }

    private static final String ATTRIBUTE = "kusari.ui";

    /** The page context of this request, made by the web layer before any handler runs. */
    public static Ui of(io.javalin.http.Context ctx) {
        Ui ui = ctx.attribute(ATTRIBUTE);
        return ui != null ? ui : new Ui(Lang.JA, ctx.path(), "");
    }

    /** Makes {@code ui} the page context of this request. */
    public static void attach(io.javalin.http.Context ctx, Ui ui) {
        ctx.attribute(ATTRIBUTE, ui);
    }

    public String period(int from, int to) {
        return FiscalYear.period(from, to, japanese());
    }

    /** Supported interface languages; Japanese is the default. */
    public enum Lang {
        JA(Locale.JAPANESE), EN(Locale.ENGLISH);

        private final Locale locale;
        private final ResourceBundle bundle;

        Lang(Locale locale) {
            this.locale = locale;
            // No fallback to the JVM's default locale: English must not turn Japanese on a Japanese server, or back.
            this.bundle = ResourceBundle.getBundle("messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        public Locale locale() {
            return locale;
        }

        public ResourceBundle bundle() {
            return bundle;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public Lang other() {
            return this == JA ? EN : JA;
        }

        public static Lang fromCode(String code) {
            return "en".equalsIgnoreCase(code) ? EN : JA;
        }
    }
}
