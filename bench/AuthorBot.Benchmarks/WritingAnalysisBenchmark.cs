using System.Text;
using AuthorBot.Understanding.Sentiment;
using AuthorBot.Understanding.Writing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuthorBot.Benchmarks;

/// <summary>
/// A 100,000-word manuscript (the twenty public-domain test passages, repeated) through the writing analyzer: the five
/// readability grades, sentence spread, passive voice, adverbs, fillers, repeats, dialogue, tone per paragraph and the
/// suggestions, with progress reported as the background reader does. The target is at most 2 s on 2 cores.
/// Run: dotnet run -c Release --project bench/AuthorBot.Benchmarks -- --filter *WritingAnalysis*
/// </summary>
[Config(typeof(MedianConfig))]
[MemoryDiagnoser]
public class WritingAnalysisBenchmark
{
    private WritingAnalyzer _analyzer = null!;
    private string _manuscript = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new WritingAnalyzer(VaderSentiment.LoadShipped());
        var passages = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Passages"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var text = new StringBuilder();
        var words = 0;
        for (var i = 0; words < 100_000; i++)
        {
            var passage = passages[i % passages.Length];
            words += passage.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            text.Append(passage).Append("\n\n");
        }

        _manuscript = text.ToString();
    }

    [Benchmark]
    public int HundredThousandWords()
    {
        var steps = 0;
        return _analyzer.Analyze(_manuscript, new CountingProgress(() => steps++)).Words + steps;
    }

    private sealed class CountingProgress(Action step) : IProgress<int>
    {
        public void Report(int value) => step();
    }

    private sealed class MedianConfig : ManualConfig
    {
        public MedianConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
            AddColumn(StatisticColumn.Median);
        }
    }
}
