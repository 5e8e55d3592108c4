using System.Globalization;
using AuthorBot.RecommenderEval;
using AuthorBot.Recommenders.Engine;
using AuthorBot.Recommenders.Ranking;
using AuthorBot.Recommenders.Training;

// Usage: dotnet run -c Release --project bench/AuthorBot.RecommenderEval -- [rating|ranking|loo|mlnet|all|served|served-tune|served-time|latency] [--data <folder>] [--key value ...]
var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var n = 0; n < args.Length - 1; n++)
{
    if (args[n].StartsWith("--", StringComparison.Ordinal))
    {
        options[args[n][2..]] = args[n + 1];
    }
}

float F(string key, float fallback) => options.TryGetValue(key, out var s) ? float.Parse(s, CultureInfo.InvariantCulture) : fallback;
int I(string key, int fallback) => options.TryGetValue(key, out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;

var dataRoot = DataPaths.Resolve(options.GetValueOrDefault("data"));
var mf = new BiasedMatrixFactorizationOptions(
    Factors: I("factors", 64),
    Epochs: I("epochs", 20),
    LearningRate: F("lr", 0.03f),
    Regularization: F("reg", 0.07f),
    BiasRegularization: F("breg", 0.01f),
    InitialStandardDeviation: F("init", 0.005f),
    Seed: I("seed", 42),
    Threads: I("threads", 0));

if (command is "rating" or "all")
{
    RatingBenchmark.Run(dataRoot, mf, Console.Out, F("reg2", 0.7f), I("knnk", 40), F("shrink", 100f), F("holdout", 0.2f), new SvdPlusPlusOptions(I("pp-factors", 32), I("pp-epochs", 40), F("pp-lr", 0.01f), F("pp-decay", 0.95f), F("pp-reg", 0.08f)),
        new BayesianMatrixFactorizationOptions(I("bayes-factors", 10), I("bayes-burnin", 10), I("bayes-samples", 150), Seed: I("seed", 42), Threads: I("threads", 0)),
        options.GetValueOrDefault("rating-only"));
}

var als = new ImplicitAlsOptions(
    Factors: I("als-factors", 64),
    Iterations: I("als-iterations", 15),
    Regularization: F("als-reg", 50f),
    Alpha: F("als-alpha", 10f),
    Solver: options.GetValueOrDefault("als-solver") == "cholesky" ? LinearSolver.Cholesky : LinearSolver.ConjugateGradient);
var ease = new EaseOptions(F("ease-reg", 500f));
var only = options.GetValueOrDefault("only");
var rankingModels = RankingBenchmark.Models(als, ease).Where(m => only is null || m.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
if (command is "ranking" or "all")
{
    RankingBenchmark.Run(dataRoot, rankingModels, Console.Out);
}

if (command is "loo" or "all")
{
    LeaveOneOutBenchmark.Run(dataRoot, rankingModels, Console.Out);
}

if (command is "served" or "served-tune" or "served-time")
{
    // The served pipeline's hyper-parameters: the defaults of RecommenderTrainingOptions, chosen with served-tune.
    var served = new RecommenderTrainingOptions();
    RecommenderTrainingOptions Seeded(RecommenderTrainingOptions o, int seed, RankerTrainer trainer = RankerTrainer.LightGbm) => o with
    {
        Als = o.EffectiveAls with { Seed = seed },
        Ranker = (o.Ranker ?? o.EffectiveRanker) with { Seed = seed, Trainer = trainer },
    };
    if (options.ContainsKey("served-als-reg") || options.ContainsKey("served-als-alpha") || options.ContainsKey("served-als-factors"))
    {
        served = served with { Als = served.EffectiveAls with { Regularization = F("served-als-reg", served.EffectiveAls.Regularization), Alpha = F("served-als-alpha", served.EffectiveAls.Alpha), Factors = I("served-als-factors", served.EffectiveAls.Factors) } };
    }

    if (options.ContainsKey("served-ease-reg"))
    {
        served = served with { Ease = new EaseOptions(F("served-ease-reg", 500f)) };
    }

    if (options.ContainsKey("trees") || options.ContainsKey("leaves") || options.ContainsKey("ltr-lr") || options.ContainsKey("min-leaf") || options.ContainsKey("ltr-threads") || options.ContainsKey("candidates"))
    {
        var r = served.EffectiveRanker;
        served = served with
        {
            Ranker = r with
            {
                Trees = I("trees", r.Trees),
                Leaves = I("leaves", r.Leaves),
                LearningRate = F("ltr-lr", r.LearningRate),
                MinimumExamplesPerLeaf = I("min-leaf", r.MinimumExamplesPerLeaf),
                Threads = I("ltr-threads", r.Threads),
                Candidates = I("candidates", r.Candidates),
            },
        };
    }

    var blend = new HybridRankerOptions(NamedGenreContentWeight: F("genre-content", new HybridRankerOptions().NamedGenreContentWeight));
    IReadOnlyList<ServedPipelineBenchmark.Pipeline> pipelines =
    [
        new("Served: hand-set blend (fallback path)", seed => Seeded(served, seed) with { LearnedStage = false }, blend),
        new("Served: learned stage (LightGbm LambdaRank)", seed => Seeded(served, seed), blend),
        new("Measured: learned stage (ML.NET FFM)", seed => Seeded(served, seed, RankerTrainer.FieldAwareFactorizationMachine), blend),
    ];
    if (command == "served-time")
    {
        await LearnedStageTiming.RunAsync(dataRoot, Seeded(served, 0), I("repeats", 3), Console.Out);
        return;
    }

    await ServedReport.RunAsync(dataRoot, rankingModels, [.. pipelines.Where(p => only is null || p.Name.Contains(only, StringComparison.OrdinalIgnoreCase))], I("seeds", 5), command == "served-tune", Console.Out);
}

if (command == "latency")
{
    await RecommendLatency.RunAsync(I("books", 10_000), I("readers", 3000), I("warmup", 200), Console.Out);
}

if (command is "mlnet" or "all")
{
    MlNetParity.Run(dataRoot, mf, Console.Out);
}
