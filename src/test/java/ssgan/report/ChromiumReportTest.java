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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the generated report in headless Chromium from disk (file://, no server) and checks that it renders and
 * that every image loads. The report itself has no scripts, so the check runs in a copy of the page (check.html,
 * same directory, so the same relative image paths) with one inline script appended that writes, after the load
 * event, how many images loaded into the DOM, which --dump-dom prints. Leaves target/report-screenshot.png.
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

    @Test
    void rendersAndEveryImageLoads() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install chromium); skipping the "
                + "browser check of the report");

        ReportDirectory.deleteRecursively(WORK);
        Path results = WORK.resolve("results");
        FixtureResults.copyQuickstart(results);
        FixtureResults.hundredRuns(results);
        Path out = WORK.resolve("report");
        new ReportGenerator().generate(new ResultsStore(results), FixtureResults.paperTables(), "experiments/paper",
                out);

        String html = Files.readString(out.resolve("index.html"));
        int expected = ReportGeneratorTest.images(html).size();
        Path check = out.resolve("check.html");
        Files.writeString(check, html.replace("</body>", CHECK + "</body>"));

        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            String dom = runChromium(chromium.get(), profile, "--virtual-time-budget=10000", "--dump-dom",
                    check.toUri().toString());
            Matcher m = Pattern.compile("images=(\\d+) broken=(\\d+) ?([^<]*)").matcher(dom);
            assertTrue(m.find(), "the check script ran; DOM was:\n" + dom.substring(0, Math.min(2000, dom.length())));
            assertEquals(expected, Integer.parseInt(m.group(1)), "every <img> of the page was seen");
            assertTrue(expected > 20, "the fixture report has charts and samples");
            assertEquals(0, Integer.parseInt(m.group(2)), "broken images: " + m.group(3));
            assertTrue(dom.contains("Table 1: permutation-invariant MNIST"), "the page rendered");

            Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            runChromium(chromium.get(), profile, "--window-size=1280,3000", "--hide-scrollbars",
                    "--screenshot=" + screenshot, out.resolve("index.html").toUri().toString());
            assertTrue(Files.size(screenshot) > 10_000, "screenshot written to " + screenshot);
            System.out.println("report screenshot: " + screenshot);
        } finally {
            ReportDirectory.deleteRecursively(profile);
        }
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
