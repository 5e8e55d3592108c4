using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// Times <see cref="RecommenderEngine.Recommend"/> itself, as the dialogs call it (ten picks with reasons, context,
/// fold-in, learned stage, diversification), over a synthetic catalogue of 10,000 books and a log that trains the
/// learned stage. Every call is timed with a stopwatch and every timed call counts in the percentiles: nothing is
/// dropped as an outlier. Each call's thread CPU time is reported beside its wall time. The JIT warm-up calls (other readers) are reported apart. Each warm reader is timed on their
/// first request (the fold-in of their history included) and again on a repeat (fold-in cached).
/// </summary>
internal static class RecommendLatency
{
    private const int Genres = 20;

    public static async Task RunAsync(int books, int readers, int warmup, TextWriter output)
    {
        var random = new Random(11);
        var catalog = new BookCatalog(Enumerable.Range(0, books).Select(i => new CatalogItem(
            "b" + i.ToString(CultureInfo.InvariantCulture),
            "Book " + i.ToString(CultureInfo.InvariantCulture),
            ["Author " + (i % (books / 5)).ToString(CultureInfo.InvariantCulture)],
            1950 + (i % 70),
            3f + (float)(random.NextDouble() * 2),
            1 + random.Next(100_000),
            null,
            [Genre(i % Genres), Genre((i * 7 / 3) % Genres)])));
        var log = new InteractionLog();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var interactions = new List<Interaction>();
        for (var r = 0; r < readers; r++)
        {
            // Each reader mostly reads two genres, popular books (Zipf-like over the genre's books) more often.
            var favourite = random.Next(Genres);
            var second = random.Next(Genres);
            var count = 8 + random.Next(30);
            var seen = new HashSet<int>();
            for (var n = 0; n < count; n++)
            {
                var genre = random.NextDouble() < 0.7 ? favourite : random.NextDouble() < 0.6 ? second : random.Next(Genres);
                var rank = (int)Math.Floor(Math.Pow(books / Genres, random.NextDouble()));
                var item = Math.Min(books - 1, genre + (Genres * (rank - 1)));
                if (seen.Add(item))
                {
                    interactions.Add(new Interaction(Reader(r), catalog[item].Id, InteractionKind.Rating, start.AddHours((r * 37) + (n * 5)), 1 + random.Next(5)));
                }
            }
        }

        foreach (var interaction in interactions.OrderBy(i => i.Timestamp))
        {
            await log.AppendAsync(interaction);
        }

        var sw = Stopwatch.StartNew();
        var model = RecommenderModelBuilder.Build(catalog, log.Snapshot(), new RecommenderTrainingOptions(), 1, start.AddYears(1));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{books} books, {readers} readers, {log.Count} interactions; snapshot (ALS, EASE, learned stage: {(model.Ranker is null ? "none" : "trained")}) in {sw.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine($"load average before: {ServedReport.LoadAverage()}; {Environment.ProcessorCount} logical processors; server GC {System.Runtime.GCSettings.IsServerGC}");

        foreach (var learned in new[] { true, false })
        {
            var engine = new RecommenderEngine(catalog, log, model, new HybridRankerOptions(UseLearnedStage: learned));
            var context = new RecommendationContext(start.AddYears(1), "webchat", "the website chat");
            RecommendationRequest Warm(int r) => new(Reader(r), 10, context);
            RecommendationRequest Cold(int r) => new("new/" + r.ToString(CultureInfo.InvariantCulture), 10, context, [Genre(r % Genres), Genre((r + 3) % Genres)]);

            using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long allocated = 0;
            var warmupTimes = Time(engine, Enumerable.Range(0, warmup).Select(Warm), digest, ref allocated);
            var measured = Enumerable.Range(warmup, readers - warmup).ToList();
            var gen0 = GC.CollectionCount(0);
            var gen1 = GC.CollectionCount(1);
            var gen2 = GC.CollectionCount(2);
            allocated = 0;
            var first = Time(engine, measured.Select(Warm), digest, ref allocated);
            var repeat = Time(engine, measured.Select(Warm), digest, ref allocated);
            var cold = Time(engine, Enumerable.Range(0, 1000).Select(Cold), digest, ref allocated);
            var calls = first.Wall.Count + repeat.Wall.Count + cold.Wall.Count;
            var perCall = allocated / calls;
            var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
            output.WriteLine(learned ? "served (learned stage)" : "hand-set blend only");
            output.WriteLine($"  JIT warm-up, {Summary(warmupTimes)}");
            output.WriteLine($"  warm reader, first request (fold-in), {Summary(first)}");
            output.WriteLine($"  warm reader, repeat request, {Summary(repeat)}");
            output.WriteLine($"  new reader naming two genres, {Summary(cold)}");
            output.WriteLine($"  all timed calls together, {Summary(([.. first.Wall, .. repeat.Wall, .. cold.Wall], [.. first.Cpu, .. repeat.Cpu, .. cold.Cpu]))}");
            output.WriteLine($"  allocated per timed call (mean, this thread): {perCall} bytes; collections during the timed calls (gen0/gen1/gen2): {collections}");
            output.WriteLine($"  SHA-256 of every list (ids, score bits, reasons): {Convert.ToHexStringLower(digest.GetHashAndReset())[..16]}");
        }

        output.WriteLine($"load average after: {ServedReport.LoadAverage()}");
    }

    private static string Genre(int g) => "genre-" + g.ToString(CultureInfo.InvariantCulture);

    private static string Reader(int r) => "reader/" + r.ToString(CultureInfo.InvariantCulture);

    // The digest is taken after the clock stops: it shows that a faster build still returns the same lists, bit for bit.
    private static (List<double> Wall, List<double> Cpu) Time(RecommenderEngine engine, IEnumerable<RecommendationRequest> requests, IncrementalHash digest, ref long allocated)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var sw = new Stopwatch();

        // The digest is written through stack buffers, so it adds no garbage (and no collections) to the timed run.
        Span<char> line = stackalloc char[512];
        Span<byte> bytes = stackalloc byte[2048];
        foreach (var request in requests)
        {
            var bytes0 = GC.GetAllocatedBytesForCurrentThread();
            var cpu0 = ThreadCpuClock.Milliseconds();
            sw.Restart();
            var picks = engine.Recommend(request);
            sw.Stop();
            var cpu1 = ThreadCpuClock.Milliseconds();
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytes0;
            if (picks.Count != 10)
            {
                throw new InvalidOperationException($"{picks.Count} picks for {request.ReaderId}.");
            }

            wall.Add(sw.Elapsed.TotalMilliseconds);
            cpu.Add(cpu1 - cpu0);
            foreach (var pick in picks)
            {
                if (!line.TryWrite(CultureInfo.InvariantCulture, $"{request.ReaderId}|{pick.Item.Id}|{BitConverter.SingleToInt32Bits(pick.Score)}|{pick.Reason}|{(int)pick.Source}\n", out var written))
                {
                    throw new InvalidOperationException($"A pick for {request.ReaderId} does not fit the digest buffer.");
                }

                digest.AppendData(bytes[..Encoding.UTF8.GetBytes(line[..written], bytes)]);
            }
        }

        return (wall, cpu);
    }

    private static string Summary((List<double> Wall, List<double> Cpu) times) =>
        $"{times.Wall.Count} calls\n    wall: {Percentiles(times.Wall)}\n    thread CPU: {Percentiles(times.Cpu)}";

    private static string Percentiles(List<double> ms)
    {
        if (ms.Any(double.IsNaN))
        {
            return "n/a";
        }

        var sorted = ms.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"mean {ms.Average():F3} ms, p50 {At(0.5):F3}, p95 {At(0.95):F3}, p99 {At(0.99):F3}, max {sorted[^1]:F3} ms");
    }
}
