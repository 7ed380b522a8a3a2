package kusari.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders jte templates for Javalin (there is no jte module for Javalin 7 in our registry).
 * Production uses the classes precompiled by jte-maven-plugin; development compiles src/main/jte on change.
 */
public final class JteRenderer implements FileRenderer {

    private final TemplateEngine engine;

    public JteRenderer(TemplateEngine engine) {
        this.engine = engine;
    }

    public static JteRenderer precompiled() {
        return new JteRenderer(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public static JteRenderer hotReloading(Path templateRoot) {
        // Templates compiled at run time must see the application's classes (and jte's) through the class loader
        // that loaded this class: under `mvn exec:java` that is not the system class loader.
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templateRoot),
                Path.of("target", "jte-dev-classes"), ContentType.Html, JteRenderer.class.getClassLoader());
        engine.setClassPath(classPath(JteRenderer.class.getClassLoader()));
        return new JteRenderer(engine);
    }

    /** The jar files and folders of a class loader's class path, which the template compiler needs. */
    private static java.util.List<String> classPath(ClassLoader loader) {
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader urls) {
                for (java.net.URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                        // not a file: nothing the compiler could read
                    }
                }
            }
        }
        entries.addAll(java.util.List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        return entries;
    }

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        // A copy typed as Map<String, Object>: given the raw map, jte would bind the whole map to the first @param.
        Map<String, Object> params = new HashMap<>(model);
        StringOutput output = new StringOutput();
        engine.render(filePath, params, output);
        ctx.contentType("text/html; charset=utf-8");
        return output.toString();
    }

    /** A page as the UTF-8 bytes of its answer ({@link Pages}). */
    public byte[] bytes(String filePath, Object page) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(filePath, Map.<String, Object>of("page", page), output);
        return output.toByteArray();
    }

    /** Renders outside a request, for tests and error pages. */
    public String render(String filePath, Object page) {
        StringOutput output = new StringOutput();
        engine.render(filePath, Map.<String, Object>of("page", page), output);
        return output.toString();
    }
}
