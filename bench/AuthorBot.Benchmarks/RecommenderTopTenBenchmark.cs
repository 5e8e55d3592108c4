using AuthorBot.Recommenders.Models;
using AuthorBot.Recommenders.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuthorBot.Benchmarks;

/// <summary>
/// Top-10 for one reader over 10,000 items on one thread: score every item with the reader's folded-in ALS vector
/// (32 factors as the bot trains, and 64) and keep the best ten, skipping the 200 items the reader has already seen. Each iteration is one call,
/// so the P99 column is the 99th percentile of single calls. It runs in-process, so no benchmark project is generated and built.
/// Run: dotnet run -c Release --project bench/AuthorBot.Benchmarks -- --filter *RecommenderTopTen*
/// </summary>
[Config(typeof(SingleCallConfig))]
public class RecommenderTopTenBenchmark
{
    private FactorModel _model = null!;
    private float[] _reader = null!;
    private float[] _scores = null!;
    private bool[] _seen = null!;
    private readonly int[] _top = new int[10];

    [Params(10_000)]
    public int Items { get; set; }

    [Params(32, 64)]
    public int Factors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var factors = new float[Items * Factors];
        for (var n = 0; n < factors.Length; n++)
        {
            factors[n] = (float)(random.NextDouble() - 0.5);
        }

        _model = new FactorModel(Factors, 0, [], new float[Items], [], factors);
        _reader = [.. Enumerable.Range(0, Factors).Select(_ => (float)(random.NextDouble() - 0.5))];
        _scores = new float[Items];
        _seen = new bool[Items];
        for (var n = 0; n < 200; n++)
        {
            _seen[random.Next(Items)] = true;
        }
    }

    [Benchmark]
    public int TopTen()
    {
        _model.ScoreItems(_reader, _scores);
        return TopK.Select(_scores, _seen, _top);
    }

    private sealed class SingleCallConfig : ManualConfig
    {
        public SingleCallConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Throughput)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(50)
                .WithIterationCount(2000)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("OneCallPerIteration"));
            AddColumn(new Percentile99Column());
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
        }
    }
}
