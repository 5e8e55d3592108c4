using AuthorBot.Recommenders.Models;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuthorBot.Benchmarks;

/// <summary>
/// The learned stage's tree work for one request, the served shape (100 trees of 31 leaves over 28 features, random
/// splits): scoring 100 candidates, and the reasons of ten picks (seven feature groups each), through QuickScorer's bit
/// masks (served) against walking the trees (kept for trees of more than 64 leaves). Both give equal results bit for bit.
/// Run: dotnet run -c Release --project bench/AuthorBot.Benchmarks -- --filter *LearnedStageTrees*
/// </summary>
[Config(typeof(InProcessConfig))]
public class LearnedStageTreesBenchmark
{
    private const int Features = 28;
    private const int Candidates = 100;

    private readonly float[] _scores = new float[Candidates];
    private readonly float[] _lifts = new float[7];
    private TreeEnsemble _trees = null!;
    private float[] _rows = null!;
    private float[] _reference = null!;
    private ulong[] _groups = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _trees = RandomTrees(random, trees: 100, leaves: 31);
        _rows = [.. Enumerable.Range(0, Candidates * Features).Select(_ => (float)random.NextDouble())];
        _reference = new float[Features];
        for (var r = 0; r < Candidates; r++)
        {
            for (var f = 0; f < Features; f++)
            {
                _reference[f] += _rows[(r * Features) + f] / Candidates;
            }
        }

        // Seven disjoint groups of four features, as the reasons group them.
        _groups = [.. Enumerable.Range(0, 7).Select(g => 0xFUL << (4 * g))];
    }

    [Benchmark(Baseline = true)]
    public float ScoreByWalking()
    {
        _trees.WalkScoreAll(_rows, _scores);
        return _scores[0];
    }

    [Benchmark]
    public float ScoreByBitMasks()
    {
        _trees.ScoreAll(_rows, _scores);
        return _scores[0];
    }

    [Benchmark]
    public float TenReasonsByWalking()
    {
        for (var pick = 0; pick < 10; pick++)
        {
            _trees.WalkLifts(_rows.AsSpan(pick * Features, Features), _reference, _groups, _lifts);
        }

        return _lifts[0];
    }

    [Benchmark]
    public float TenReasonsByBitMasks()
    {
        for (var pick = 0; pick < 10; pick++)
        {
            _trees.Lifts(_rows.AsSpan(pick * Features, Features), _reference, _groups, _lifts);
        }

        return _lifts[0];
    }

    /// <summary>Trees grown by splitting a random leaf until each has <paramref name="leaves"/> leaves.</summary>
    private static TreeEnsemble RandomTrees(Random random, int trees, int leaves)
    {
        List<int> nodeStarts = [0], leafStarts = [0], features = [], left = [], right = [];
        List<float> thresholds = [], values = [];
        for (var t = 0; t < trees; t++)
        {
            var first = features.Count;

            // Where each leaf hangs: (split, is its left child), or (−1, _) for a root that is still a leaf.
            List<(int Split, bool Left)> parents = [(-1, false)];
            while (parents.Count < leaves)
            {
                var victim = random.Next(parents.Count);
                var split = features.Count - first;
                features.Add(random.Next(Features));
                thresholds.Add((float)random.NextDouble());
                if (parents[victim] is { Split: >= 0 } parent)
                {
                    (parent.Left ? left : right)[first + parent.Split] = split;
                }

                left.Add(~victim);
                right.Add(~parents.Count);
                parents[victim] = (split, true);
                parents.Add((split, false));
            }

            values.AddRange(Enumerable.Range(0, leaves).Select(_ => (float)(random.NextDouble() - 0.5) / 10));
            nodeStarts.Add(features.Count);
            leafStarts.Add(values.Count);
        }

        return new TreeEnsemble(Features, 0f, [.. nodeStarts], [.. leafStarts], [.. features], [.. thresholds], [.. left], [.. right], [.. values]);
    }

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
        }
    }
}
