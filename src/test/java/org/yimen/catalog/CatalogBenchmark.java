package org.yimen.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.bench.Load;

/**
 * Search and guide-page latency with 10,000 published items, over HTTP against the running application on the
 * embedded PostgreSQL. The items are copies of the demo catalog under new codes and numbered names.
 */
@Tag("benchmark")
@YimenIntegrationTest
class CatalogBenchmark {

    private static final int ITEMS = 10_000;
    private static final int THREADS = 4;
    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void searchAndGuidePagesWithTenThousandItems() {
        fill();
        long published = jdbc.sql("select count(*) from cat_item_version where status = 'PUBLISHED'")
                .query(Long.class).single();
        var results = new ArrayList<Load.Result>();
        for (String q : new String[] {"用地", "护照", "建设用地审批", "许可", "GTZYT-XK"}) {
            results.add(Load.run("search \"" + q + "\"", THREADS, WARMUP, MEASURE,
                    () -> get("/api/catalog/items?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))));
        }
        results.add(Load.run("guide page /services/{code}", THREADS, WARMUP, MEASURE,
                () -> get("/services/BENCH-%05d".formatted(ThreadLocalRandom.current().nextInt(1, ITEMS + 1)))));
        results.add(Load.run("guide JSON /api/catalog/items/{code}", THREADS, WARMUP, MEASURE,
                () -> get("/api/catalog/items/BENCH-%05d".formatted(ThreadLocalRandom.current().nextInt(1,
                        ITEMS + 1)))));
        Load.report("catalog", "Catalog with " + published + " published items", results);
    }

    private int get(String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.statusCode();
    }

    /** Copies the published demo items round-robin into 10,000 more published items. */
    private void fill() {
        jdbc.sql("""
                insert into cat_item (code, published_version, created_at)
                select 'BENCH-' || lpad(g::text, 5, '0'), 1, now() from generate_series(1, ?) g
                on conflict (code) do nothing""").param(ITEMS).update();
        jdbc.sql("""
                with source as (
                    select row_number() over (order by item_id) - 1 as n, v.*
                    from cat_item_version v where status = 'PUBLISHED' and item_id in
                        (select id from cat_item where code not like 'BENCH-%')),
                size as (select count(*) as c from source),
                target as (
                    select i.id, i.code, substring(i.code from 7)::int as g from cat_item i
                    where i.code like 'BENCH-%'
                      and not exists (select 1 from cat_item_version x where x.item_id = i.id))
                insert into cat_item_version (item_id, version, status, name, item_type, department_id, legal_basis,
                    conditions, procedure_text, statutory_days, promised_days, max_visits, place, hours,
                    consultation_phone, complaint_phone, result_pickup, keywords, channels, themes,
                    consulted_department_ids, materials, stages, special_procedures, fees, search_text, created_at,
                    published_at)
                select t.id, 1, 'PUBLISHED', s.name || '（' || t.g || '）', s.item_type, s.department_id,
                    s.legal_basis, s.conditions, s.procedure_text, s.statutory_days, s.promised_days, s.max_visits,
                    s.place, s.hours, s.consultation_phone, s.complaint_phone, s.result_pickup, s.keywords,
                    s.channels, s.themes, s.consulted_department_ids, s.materials, s.stages, s.special_procedures,
                    s.fees, t.code || ' ' || s.name || '（' || t.g || '） ' || s.keywords, now(), now()
                from target t cross join size join source s on s.n = t.g % size.c""").update();
        jdbc.sql("analyze cat_item_version").update();
    }
}
