using AuthorBot.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Understanding.Intents;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.Benchmarks;

/// <summary>
/// One reader message through the intent classifier the bot trains at start-up (shipped and author examples): text
/// preparation (names, spelling) and the ML.NET model's scores. The target is a median of at most 100 µs.
/// Run: dotnet run -c Release --project bench/AuthorBot.Benchmarks -- --filter *IntentClassification*
/// </summary>
[Config(typeof(MedianConfig))]
[MemoryDiagnoser]
public class IntentClassificationBenchmark
{
    private IntentClassifier _classifier = null!;

    /// <summary>A short request, a misspelt one, a question naming a book, and an opt-out.</summary>
    [Params("recomend a book", "What's The Glass Cartographer about?", "please take me off the mailing list")]
    public string Message { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddAuthorBotDialogs().BuildServiceProvider();
        _classifier = services.GetRequiredService<ReaderUnderstanding>().GetClassifierAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public float Classify() => _classifier.Classify(Message).Score;

    private sealed class MedianConfig : ManualConfig
    {
        public MedianConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
            AddColumn(StatisticColumn.Median);
        }
    }
}
