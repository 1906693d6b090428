package ssgan.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Renders the pages from the Mustache templates on the classpath ({{x}} escapes HTML everywhere). */
final class Html {
    static final String ROOT = "ssgan/report";

    private Html() {}

    private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory(ROOT);

    static String render(PageModel page) {
        return render("index.mustache", page);
    }

    static String render(RunPage page) {
        return render("run.mustache", page);
    }

    /** The factory caches each compiled template, so a hundred run pages compile run.mustache once. */
    private static String render(String template, Object model) {
        Mustache compiled = TEMPLATES.compile(template);
        StringWriter out = new StringWriter();
        compiled.execute(out, model);
        return out.toString();
    }

    static String resource(String name) {
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream(ROOT + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
