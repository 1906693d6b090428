package ssgan.report;

import org.junit.jupiter.api.Test;
import ssgan.results.ResultsStore;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Publishes the generated report on its own (copied elsewhere, with the results tree deleted), checks that every
 * link and image of every page resolves inside the copy, then opens the index and a run page in headless Chromium
 * from disk (file://, no server) and checks that they render and that every image loads. The check runs in a copy
 * of each page (same directory, so the same relative paths) with one inline script appended that writes, after the
 * load event, how many images loaded into the DOM, which --dump-dom prints. Leaves target/report-screenshot.png.
 * Skipped only when no Chromium binary is installed (Debian: apt-get install chromium).
 */
class ChromiumReportTest {
    private static final Path WORK = Path.of("target", "chromium-report");

    private static final String CHECK = "<script>window.addEventListener('load', function () {"
            + " var imgs = Array.from(document.images);"
            + " var bad = imgs.filter(function (i) { return !(i.complete && i.naturalWidth > 0); })"
            + "   .map(function (i) { return i.getAttribute('src'); });"
            + " var p = document.createElement('pre'); p.id = 'img-check';"
            + " p.textContent = 'images=' + imgs.length + ' broken=' + bad.length + ' ' + bad.join(',');"
            + " document.body.appendChild(p); });</script>";

    /** Writes, after load, where the top answer ends and how wide the runs table is against its box. */
    private static final String LAYOUT = "<script>window.addEventListener('load', function () {"
            + " var a = document.getElementById('answer').getBoundingClientRect();"
            + " var t = document.querySelector('table.runs');"
            + " var p = document.createElement('pre'); p.id = 'layout-check';"
            + " p.textContent = 'answer-bottom=' + Math.round(a.bottom) + ' height=' + window.innerHeight"
            + "   + ' runs-width=' + t.scrollWidth + ' box-width=' + t.parentElement.clientWidth;"
            + " document.body.appendChild(p); });</script>";

    @Test
    void rendersAndEveryImageLoads() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium); skipping the "
                + "browser check of the report");

        ReportDirectory.deleteRecursively(WORK);
        Path results = WORK.resolve("results");
        FixtureResults.copyQuickstart(results);
        FixtureResults.hundredRuns(results);
        Path generated = WORK.resolve("report");
        new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(), FixtureResults.facts(),
                "experiments/paper", generated);
        Path out = WORK.resolve("published").resolve("report");
        FixtureResults.copyTree(generated, out);
        ReportDirectory.deleteRecursively(generated);
        ReportDirectory.deleteRecursively(results);

        List<Path> pages;
        try (Stream<Path> walk = Files.walk(out)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertTrue(pages.size() > 100, "index and a page per run: " + pages.size());
        for (Path page : pages) {
            assertEveryLinkResolves(out, page);
        }

        Path runPage = out.resolve("runs/quickstart/seed1-891c3a5b40.html");
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            for (Path page : List.of(out.resolve("index.html"), runPage)) {
                String html = Files.readString(page);
                int expected = ReportGeneratorTest.images(html).size();
                Path check = page.resolveSibling("check.html");
                Files.writeString(check, html.replace("</body>", CHECK + "</body>"));
                String dom = runChromium(chromium.get(), profile, "--virtual-time-budget=10000", "--dump-dom",
                        check.toUri().toString());
                Files.delete(check);
                Matcher m = Pattern.compile("images=(\\d+) broken=(\\d+) ?([^<]*)").matcher(dom);
                assertTrue(m.find(), "the check script ran; DOM was:\n" + dom.substring(0, Math.min(2000, dom.length())));
                assertEquals(expected, Integer.parseInt(m.group(1)), "every <img> of " + page + " was seen");
                assertTrue(expected >= 2, "charts and samples on " + page);
                assertEquals(0, Integer.parseInt(m.group(2)), "broken images on " + page + ": " + m.group(3));
                if (page.endsWith("index.html")) {
                    assertTrue(expected > 20, "the fixture report has charts and samples");
                    assertTrue(dom.contains("Table 1: permutation-invariant MNIST"), "the page rendered");
                }
            }

            // at 1400 x 900 the plain-language answer is on screen without scrolling, and the runs table fits its box
            Path index = out.resolve("index.html");
            Path layout = index.resolveSibling("layout.html");
            Files.writeString(layout, Files.readString(index).replace("</body>", LAYOUT + "</body>"));
            String dom = runChromium(chromium.get(), profile, "--window-size=1400,900", "--virtual-time-budget=10000",
                    "--dump-dom", layout.toUri().toString());
            Files.delete(layout);
            Matcher l = Pattern.compile("answer-bottom=(-?\\d+) height=(\\d+) runs-width=(\\d+) box-width=(\\d+)")
                    .matcher(dom);
            assertTrue(l.find(), "the layout script ran");
            assertTrue(Integer.parseInt(l.group(1)) <= Integer.parseInt(l.group(2)),
                    "the answer ends within the first screen: " + l.group());
            assertTrue(Integer.parseInt(l.group(3)) <= Integer.parseInt(l.group(4)),
                    "the runs table is not clipped at 1400 px: " + l.group());
            Path top = Path.of("target", "report-top-1400x900.png").toAbsolutePath();
            runChromium(chromium.get(), profile, "--window-size=1400,900", "--hide-scrollbars",
                    "--screenshot=" + top, index.toUri().toString());

            Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            runChromium(chromium.get(), profile, "--window-size=1280,3000", "--hide-scrollbars",
                    "--screenshot=" + screenshot, out.resolve("index.html").toUri().toString());
            Path runShot = Path.of("target", "report-run-screenshot.png").toAbsolutePath();
            runChromium(chromium.get(), profile, "--window-size=1280,2000", "--hide-scrollbars",
                    "--screenshot=" + runShot, runPage.toUri().toString());
            assertTrue(Files.size(screenshot) > 10_000, "screenshot written to " + screenshot);
            System.out.println("report screenshot: " + screenshot);
        } finally {
            ReportDirectory.deleteRecursively(profile);
        }
    }

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    /** Every href and src of a page names a file inside the published report, and every #anchor an id on its page. */
    private static void assertEveryLinkResolves(Path root, Path page) throws IOException {
        String html = Files.readString(page);
        Matcher m = LINK.matcher(html);
        int links = 0;
        while (m.find()) {
            String link = m.group(1).replace("&#61;", "=");
            links++;
            assertFalse(link.matches("^[a-z]+:.*"), page + " links outside the report: " + link);
            int hash = link.indexOf('#');
            String file = hash < 0 ? link : link.substring(0, hash);
            Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            assertTrue(target.startsWith(root), page + " links outside the report: " + link);
            assertTrue(Files.isRegularFile(target), page + ": " + link + " does not exist");
            if (hash >= 0) {
                String id = link.substring(hash + 1);
                String content = target.equals(page) ? html : Files.readString(target);
                assertTrue(content.contains("id=\"" + id + "\""), page + ": no anchor " + link);
            }
        }
        assertTrue(links > 0, "links on " + page);
    }

    private static String runChromium(Path binary, Path profile, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("chromium", ".log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        String stderr = Files.readString(log);
        Files.deleteIfExists(log);
        assertEquals(0, p.exitValue(), "chromium failed: " + stderr);
        return stdout;
    }

    /** $CHROMIUM, else chromium / chromium-browser / google-chrome on the PATH. */
    static Optional<Path> chromium() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome")
                        .map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
