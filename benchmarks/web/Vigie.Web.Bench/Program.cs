using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Web.Data;
using Vigie.Web.Hosting;

namespace Vigie.Web.Bench;

/// <summary>
/// benchmarks/web/run [--events N] [--clients N] [--seconds N] [--db PATH | --db postgres://…] [--revalidate | --no-cache]: fills (or reuses) a database of
/// synthetic events, serves it on a free loopback port and runs concurrent clients against /api/events
/// for a fixed time; prints latency percentiles, throughput and errors.
/// </summary>
public static class Program
{
    private static readonly string[] Queries =
    [
        "/api/events",
        "/api/events?country=SY",
        "/api/events?type=battles&from=2018-01&to=2018-06",
        "/api/events?bbox=35.5,32.5,37.5,34.5&format=geojson",
        "/api/events?actor=islamique&page=5",
        "/api/events?source=OSDH&country=IQ",
        "/api/events?subtype=air_drone_strike&page_size=500",
        "/api/events?from=2019-03-01&to=2019-03-31&format=geojson&page_size=1000",
    ];

    public static async Task<int> Main(string[] args)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var events = int.Parse(Arg("--events") ?? "100000", CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg("--clients") ?? "20", CultureInfo.InvariantCulture);
        // --revalidate: each client sends back the ETag it last got for a query (If-None-Match), as a browser does;
        // --no-cache: the server keeps no answer (every request reads the database)
        var revalidate = args.Contains("--revalidate");
        var noCache = args.Contains("--no-cache");
        var seconds = int.Parse(Arg("--seconds") ?? "30", CultureInfo.InvariantCulture);
        // --db postgres://…: an empty database of a PostgreSQL server is filled once, then reused
        var server = Arg("--db") is { } given && given.StartsWith("postgres://", StringComparison.Ordinal) ? given : null;
        var db = server ?? Path.GetFullPath(Arg("--db") ?? Path.Combine("benchmarks", ".work", $"web-{events}.db"));
        if (server != null)
        {
            using var store = Vigie.Storage.Postgres.PostgresStore.Open(server); // schema up to date, as `vigie serve` does
            if (store.Counts().Events == 0)
            {
                var sw = Stopwatch.StartNew();
                var stored = SyntheticStore.Fill(store, events);
                Console.WriteLine($"filled the PostgreSQL database: {stored} events after fusion, {sw.Elapsed.TotalSeconds:F1} s");
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(db)!);
            if (!File.Exists(db) || args.Contains("--refill"))
            {
                var sw = Stopwatch.StartNew();
                var stored = SyntheticStore.Fill(db, events);
                Console.WriteLine($"filled {db}: {stored} events after fusion, {sw.Elapsed.TotalSeconds:F1} s");
            }
            using (Vigie.Storage.Sqlite.SqliteStore.Open(db)) { } // schema up to date, as `vigie serve` does
        }

        if (args.Contains("--cost"))
        {
            Cost(server == null ? StoreEventReader.ForSqlite(db) : new StoreEventReader(() => Vigie.Storage.Postgres.PostgresStore.Open(server, mustExist: true)),
                server == null ? () => StoreEventReader.ForSqlite(db) : () => new StoreEventReader(() => Vigie.Storage.Postgres.PostgresStore.Open(server, mustExist: true)));
            return 0;
        }

        await using var app = VigieWebHost.Build(new ServeOptions
        {
            DatabasePath = db, Urls = "http://127.0.0.1:0", CacheResponses = !noCache,
            OpenReader = server == null ? null : () => Vigie.Storage.Postgres.PostgresStore.Open(server, mustExist: true),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        // warm-up: every query once
        foreach (var q in Queries) (await http.GetAsync(q)).EnsureSuccessStatusCode();

        var latencies = Queries.ToDictionary(q => q, _ => new List<double>());
        var errors = 0;
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var local = Queries.ToDictionary(q => q, _ => new List<double>());
            var etags = new Dictionary<string, System.Net.Http.Headers.EntityTagHeaderValue>();
            var localErrors = 0;
            for (var i = c; DateTime.UtcNow < stop; i++)
            {
                var q = Queries[i % Queries.Length];
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, q);
                    if (revalidate && etags.TryGetValue(q, out var tag)) request.Headers.IfNoneMatch.Add(tag);
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotModified) localErrors++;
                    if (response.Headers.ETag is { } etag) etags[q] = etag;
                }
                catch (HttpRequestException) { localErrors++; }
                local[q].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            lock (latencies)
            {
                foreach (var (q, l) in local) latencies[q].AddRange(l);
                errors += localErrors;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        wall.Stop();

        var all = latencies.Values.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        Console.WriteLine($"mode: {(noCache ? "no answer kept by the server" : revalidate ? "revalidating with If-None-Match" : "the same eight queries")}");
        Console.WriteLine($"{clients} clients, {seconds} s, {all.Length} requests, {all.Length / wall.Elapsed.TotalSeconds:F0} req/s, {errors} errors");
        Console.WriteLine($"all queries: p50 {P(all, 50):F1} ms, p95 {P(all, 95):F1} ms, p99 {P(all, 99):F1} ms");
        foreach (var (q, l) in latencies)
        {
            var s = l.Order().ToArray();
            Console.WriteLine($"  p50 {P(s, 50),6:F1}  p95 {P(s, 95),6:F1} ms  {q}");
        }
        await app.StopAsync();
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// --cost: the CPU time of each query in this process, on one thread, without HTTP: reading the page (and its total)
    /// through the API's reader and writing it as the API does. "first" is a new reader each time (the filter counted,
    /// every event's view made), "again" the same reader (what a server pays for a page of a filter it has seen at this
    /// data version, without the response cache).
    /// </summary>
    private static void Cost(StoreEventReader warm, Func<StoreEventReader> fresh)
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        VigieWebHost.Configure(json);
        static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
        void Run(StoreEventReader reader, string query)
        {
            var q = new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Contains('?') ? query[query.IndexOf('?')..] : ""));
            var (filter, paging, _) = Vigie.Web.Api.QueryParser.ParseEvents(q);
            var page = paging.After is { } after ? reader.EventsAfter(filter, after, paging.PageSize) : reader.Events(filter, paging.Page, paging.PageSize);
            if (paging.GeoJson) Vigie.Web.Api.GeoJson.WriteAsync(Stream.Null, page, json, null, default).GetAwaiter().GetResult();
            else Vigie.Web.Api.GeoJson.WritePageAsync(Stream.Null, page, json, null, default).GetAwaiter().GetResult();
        }
        foreach (var q in Queries) { Run(warm, q); Run(warm, q); }
        Console.WriteLine($"load average at the start: {LoadAverage()}");
        Console.WriteLine("CPU ms per request, one thread, no HTTP: first (new reader: counted, views made) / again (same reader)");
        foreach (var q in Queries)
        {
            const int n = 20;
            // each measure starts from a collected heap, so that it pays for its own garbage only
            GC.Collect();
            var t = Cpu();
            for (var i = 0; i < n; i++) Run(warm, q);
            var again = (Cpu() - t).TotalMilliseconds / n;
            GC.Collect();
            t = Cpu();
            for (var i = 0; i < n; i++) { using var r = fresh(); Run(r, q); }
            var first = (Cpu() - t).TotalMilliseconds / n;
            Console.WriteLine($"  first {first,7:F2}  again {again,6:F2} ms  {q}");
        }
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); } catch (IOException) { return "?"; } catch (UnauthorizedAccessException) { return "?"; }
    }

    private static double P(double[] sorted, int p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
}
