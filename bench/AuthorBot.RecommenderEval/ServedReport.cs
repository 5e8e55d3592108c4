using System.Diagnostics;
using System.Globalization;
using AuthorBot.Recommenders.Content;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// Prints the served-pipeline table. <c>served-tune</c> judges on the validation split (each reader's later training
/// ratings, carved from the training part only); <c>served</c> judges on the test split, once per configuration,
/// over several seeds.
/// </summary>
internal static class ServedReport
{
    public static async Task RunAsync(
        string dataRoot, IReadOnlyList<RankingBenchmark.Model> singles, IReadOnlyList<ServedPipelineBenchmark.Pipeline> pipelines, int seeds, bool validation, TextWriter output)
    {
        var all = MovieLens.Read(Path.Combine(dataRoot, "ml-100k", "u.data"));
        var traits = MovieLensCatalog.Readers(dataRoot)
            .Select((t, n) => (Id: ServedPipelineBenchmark.ReaderId(n), Traits: new ReaderTraits(t.Age, t.Gender)))
            .ToDictionary(t => t.Id, t => t.Traits, StringComparer.Ordinal);
        var rows = new Dictionary<string, List<Result>>(StringComparer.Ordinal);
        var cold = new Dictionary<string, List<Result>>(StringComparer.Ordinal);
        output.WriteLine(validation
            ? "ml-100k served pipeline, VALIDATION split: training part of the time split, each reader's later 20 % of it held out"
            : "ml-100k served pipeline, TEST split: each reader's later 20 % of ratings held out; a fifth of the readers cold per seed");
        output.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} logical processors");
        for (var seed = 0; seed < seeds; seed++)
        {
            var split = ServedPipelineBenchmark.MakeSplit(all, seed);
            if (validation)
            {
                // Validation: the cold readers' and warm readers' training parts, split by time once more.
                var (early, late) = TimeSplit.Split(split.Train);
                var (coldEarly, coldLate) = TimeSplit.Split(split.ColdTrain);
                split = split with { Train = early, Test = late, ColdTrain = coldEarly, ColdTest = coldLate };
            }

            output.WriteLine($"seed {seed}: {split.Train.Count} training ratings, {split.Test.Count} held out, {split.ColdReaders.Count} cold readers");
            var catalog = MovieLensCatalog.Create(dataRoot, split.Train);
            var content = new ContentIndex(catalog);
            var matrix = MovieLens.ToMatrix(split.Train, value: _ => 1f);
            foreach (var single in singles)
            {
                var sw = Stopwatch.StartNew();
                var result = ServedPipelineBenchmark.EvaluateSingle(single.Train(matrix), split.Train, split.Test, content);
                Add(rows, single.Name, result);
                output.WriteLine($"  {single.Name}: NDCG@10 {F(result.Ndcg)} ({sw.Elapsed.TotalSeconds:F1} s)");
            }

            foreach (var pipeline in pipelines)
            {
                var engine = await ServedPipelineBenchmark.ServeAsync(catalog, split.Train, pipeline, seed, traits, output);
                var result = ServedPipelineBenchmark.EvaluateWarm(engine, split.Test, traits);
                Add(rows, pipeline.Name, result);
                output.WriteLine($"  {pipeline.Name}: NDCG@10 {F(result.Ndcg)}");
                for (var g = 0; g <= 2; g++)
                {
                    Add(cold, $"{pipeline.Name} | {g} genre{(g == 1 ? string.Empty : "s")}", ServedPipelineBenchmark.EvaluateCold(engine, split.ColdTrain, split.ColdTest, g, traits));
                }
            }
        }

        output.WriteLine();
        output.WriteLine($"warm readers, mean ± sd over {seeds} seed(s)");
        output.WriteLine($"{"model",-72} {"HR@10",-17} {"NDCG@10",-17} {"P@10",-17} {"coverage",-17} {"diversity",-17}");
        foreach (var (name, r) in rows)
        {
            output.WriteLine($"{name,-72} {S(r, x => x.HitRate)} {S(r, x => x.Ndcg)} {S(r, x => x.Precision)} {S(r, x => x.Coverage)} {S(r, x => x.Diversity)}");
        }

        output.WriteLine();
        output.WriteLine("NDCG@10 relative differences (per seed, then mean ± sd of the differences)");
        var names = rows.Keys.ToList();
        foreach (var a in names.Where(n => pipelines.Any(p => p.Name == n)))
        {
            foreach (var b in names.Where(n => n != a))
            {
                var diffs = rows[a].Zip(rows[b], (x, y) => x.Ndcg - y.Ndcg).ToList();
                var rel = rows[a].Zip(rows[b], (x, y) => (x.Ndcg - y.Ndcg) / y.Ndcg).ToList();
                output.WriteLine($"{a,-40} vs {b,-48} Δ {Stats.Format(diffs)}  relative {Stats.Format(rel.Select(x => 100 * x).ToList(), "F1")} %");
            }
        }

        output.WriteLine();
        output.WriteLine("cold-start readers (no history; genres named), mean ± sd over seeds");
        output.WriteLine($"{"pipeline | genres named",-72} {"P@10",-17} {"NDCG@10",-17} {"HR@10",-17} {"coverage",-17}");
        foreach (var (name, r) in cold)
        {
            output.WriteLine($"{name,-72} {S(r, x => x.Precision)} {S(r, x => x.Ndcg)} {S(r, x => x.HitRate)} {S(r, x => x.Coverage)}");
        }

        output.WriteLine($"load average after: {LoadAverage()}");
    }

    private static void Add(Dictionary<string, List<Result>> to, string name, Result result)
    {
        if (!to.TryGetValue(name, out var list))
        {
            to[name] = list = [];
        }

        list.Add(result);
    }

    private static string F(double x) => x.ToString("F4", CultureInfo.InvariantCulture);

    private static string S(List<Result> r, Func<Result, double> pick) => Stats.Format([.. r.Select(pick)]).PadRight(17);

    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(", ", File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}
