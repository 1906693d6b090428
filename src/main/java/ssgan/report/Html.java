package ssgan.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Renders the page from the Mustache template on the classpath ({{x}} escapes HTML, {{{x}}} is only used for CSS). */
final class Html {
    static final String ROOT = "ssgan/report";

    private Html() {}

    static String render(PageModel page) {
        Mustache template = new DefaultMustacheFactory(ROOT).compile("index.mustache");
        StringWriter out = new StringWriter();
        template.execute(out, page);
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
