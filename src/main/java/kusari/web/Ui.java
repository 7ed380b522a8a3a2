package kusari.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import kusari.strategy.FiscalYear;

/**
 * What every page needs besides its data: interface text in the user's language, the current path (for the
 * language switch) and the CSRF token for forms. Built per request by {@link Requests#ui}.
 */
public final class Ui {

    private final Lang lang;
    private final ResourceBundle bundle;
    private final String path;
    private final String csrfToken;
    private final Long done;
    private final Viewer viewer;

    public Ui(Lang lang, String path, String csrfToken) {
        this(lang, path, csrfToken, null);
    }

    /**
     * Who is looking (accounts, issue 7): their name for the header's sign-out button, and whether they may edit a
     * workspace (pages hide editing controls from those who may not; the server refuses them anyway).
     */
    public record Viewer(String name, boolean siteAdmin, java.util.function.LongPredicate mayEdit,
                         java.util.function.BiPredicate<Long, Long> mayEditAction,
                         java.util.function.LongPredicate mayEditEverything) {
        public static final Viewer NOBODY = new Viewer(null, false, ws -> false, (ws, action) -> false, ws -> false);
    }

    /** True when the person looking may edit everything in this workspace (planner or administrator). */
    public boolean mayEditSteps(long workspaceId) {
        return viewer.mayEditEverything().test(workspaceId);
    }

    public Ui(Lang lang, String path, String csrfToken, Long done, Viewer viewer) {
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
        return new MessageFormat(t(key), lang.locale()).format(args);
    }

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

    // issue 6: a workspace that chose how its fiscal years are shown (review settings) gets that style on every page
    private kusari.strategy.YearStyle yearStyle;

    /** Shows fiscal years of this request in the workspace's chosen style (null: the default label). */
    public void useYearStyle(kusari.strategy.YearStyle style) {
        this.yearStyle = style;
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
