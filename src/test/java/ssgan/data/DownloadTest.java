package ssgan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server started by the test (never the network). */
class DownloadTest {
    @TempDir Path source;
    @TempDir Path specDir;
    @TempDir Path cache;

    HttpServer server;
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    DatasetSpec tiny;

    @BeforeEach
    void start() throws IOException {
        tiny = IdxLoaderTest.writeTiny(source, true);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", ex -> serve(ex, "good", false));
        server.createContext("/corrupt/", ex -> serve(ex, "corrupt", true));
        server.createContext("/missing/", ex -> {
            hits.computeIfAbsent("missing", k -> new AtomicInteger()).incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(com.sun.net.httpserver.HttpExchange ex, String mirror, boolean corrupt) throws IOException {
        hits.computeIfAbsent(mirror, k -> new AtomicInteger()).incrementAndGet();
        String name = Path.of(ex.getRequestURI().getPath()).getFileName().toString();
        Path f = source.resolve(name);
        if (!Files.isRegularFile(f)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] body = Files.readAllBytes(f);
        if (corrupt) {
            byte[] raw = FileContent.read(f, "");
            raw[raw.length - 1] ^= 0x55; // same size, wrong content
            body = TestFiles.gzip(raw);
        }
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private String url(String mirror) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mirror + "/";
    }

    private DatasetSpec withMirrors(String... mirrors) {
        return TestFiles.idxSpec(specDir, IdxLoaderTest.TRAIN, IdxLoaderTest.TEST, tiny.files(),
                Stream.of(mirrors).map(this::url).toList());
    }

    private List<String> cacheListing() throws IOException {
        Path dir = cache.resolve("tiny");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsIntoTheCacheAndVerifies() throws IOException {
        DatasetSpec spec = withMirrors("good");
        Dataset d = DatasetLoader.load(spec, new DataOptions(true, cache, null));
        assertEquals(IdxLoaderTest.TRAIN, d.train().count());
        assertEquals(4, hits.get("good").get());
        assertEquals(tiny.files().values().stream().map(DatasetSpec.FileSpec::name).sorted().toList(),
                cacheListing());
        for (DatasetSpec.FileSpec f : tiny.files().values()) {
            assertEquals(Checksums.sha256(source.resolve(f.name())),
                    Checksums.sha256(cache.resolve("tiny").resolve(f.name())));
        }
        // Second load is served from the cache, offline.
        DatasetLoader.load(spec, DataOptions.offline(cache));
        assertEquals(4, hits.get("good").get());
    }

    @Test
    void corruptAndMissingMirrorsAreSkipped() throws IOException {
        DatasetSpec spec = withMirrors("missing", "corrupt", "good");
        Dataset d = DatasetLoader.load(spec, new DataOptions(true, cache, null));
        assertEquals(IdxLoaderTest.TEST, d.test().count());
        assertEquals(4, hits.get("missing").get());
        assertEquals(4, hits.get("corrupt").get());
        assertEquals(4, hits.get("good").get());
        // Only the good files, no temporaries, nothing corrupt.
        assertEquals(4, cacheListing().size());
        assertTrue(cacheListing().stream().noneMatch(n -> n.endsWith(".part")), cacheListing().toString());
    }

    @Test
    void allMirrorsBadLeavesNothingBehind() throws IOException {
        DatasetSpec spec = withMirrors("corrupt", "missing");
        DataException e = assertThrows(DataException.class,
                () -> DatasetLoader.load(spec, new DataOptions(true, cache, null)));
        assertTrue(e.getMessage().contains(url("corrupt")) && e.getMessage().contains("checksum mismatch"),
                e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertEquals(List.of(), cacheListing());
    }

    @Test
    void cifarArchiveDownloadIsVerifiedByMd5() throws IOException {
        byte[] archive = TestFiles.gzip(TestFiles.tar(CifarReader.BATCH_DIR, TestFiles.cifarBatches(2, 3)));
        Files.write(source.resolve("cifar-10-binary.tar.gz"), archive);
        DatasetSpec spec = TestFiles.cifarSpec(specDir, 10, 3, Checksums.md5(archive),
                List.of(url("corrupt-does-not-exist"), url("good")));
        Dataset d = DatasetLoader.load(spec, new DataOptions(true, cache, null), k -> null);
        assertEquals(10, d.train().count());
        assertTrue(Files.isRegularFile(cache.resolve("cifar10").resolve("cifar-10-binary.tar.gz")));

        DatasetSpec badMd5 = TestFiles.cifarSpec(specDir, 10, 3, "0".repeat(32), List.of(url("good")));
        Path fresh = cache.resolve("other");
        assertThrows(DataException.class,
                () -> DatasetLoader.load(badMd5, new DataOptions(true, fresh, null), k -> null));
        assertTrue(!Files.exists(fresh.resolve("cifar10").resolve("cifar-10-binary.tar.gz")));
    }
}
