using AuthorBot.Recognizers;
using AuthorBot.Recognizers.Choice;
using AuthorBot.Recognizers.DateTime;
using AuthorBot.Recognizers.Number;
using AuthorBot.Recognizers.Sequence;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuthorBot.Benchmarks;

/// <summary>
/// One typical 10-word reader utterance through every recognizer model, as a prompt would run them, and each model
/// alone. Short job, in-process (no generated project), with allocations.
/// Run: dotnet run -c Release --project bench/AuthorBot.Benchmarks -- --filter *RecognizerUtterance*
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class RecognizerUtteranceBenchmark
{
    private const string Utterance = "Yes, send two signed copies to anna@example.com by next Friday";
    private static readonly System.DateTime _reference = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Unspecified);

    [Benchmark(Baseline = true)]
    public int AllModels()
    {
        var count = 0;
        count += NumberRecognizer.RecognizeNumber(Utterance).Count;
        count += NumberRecognizer.RecognizeOrdinal(Utterance).Count;
        count += NumberRecognizer.RecognizePercentage(Utterance).Count;
        count += ChoiceRecognizer.RecognizeBoolean(Utterance).Count;
        count += SequenceRecognizer.RecognizeEmail(Utterance).Count;
        count += SequenceRecognizer.RecognizePhoneNumber(Utterance).Count;
        count += SequenceRecognizer.RecognizeURL(Utterance).Count;
        count += DateTimeRecognizer.RecognizeDateTime(Utterance, Culture.English, _reference).Count;
        return count;
    }

    [Benchmark]
    public int AllModelsExceptDateTime()
    {
        var count = 0;
        count += NumberRecognizer.RecognizeNumber(Utterance).Count;
        count += NumberRecognizer.RecognizeOrdinal(Utterance).Count;
        count += NumberRecognizer.RecognizePercentage(Utterance).Count;
        count += ChoiceRecognizer.RecognizeBoolean(Utterance).Count;
        count += SequenceRecognizer.RecognizeEmail(Utterance).Count;
        count += SequenceRecognizer.RecognizePhoneNumber(Utterance).Count;
        count += SequenceRecognizer.RecognizeURL(Utterance).Count;
        return count;
    }

    [Benchmark]
    public int Number() => NumberRecognizer.RecognizeNumber(Utterance).Count;

    [Benchmark]
    public int Ordinal() => NumberRecognizer.RecognizeOrdinal(Utterance).Count;

    [Benchmark]
    public int Percent() => NumberRecognizer.RecognizePercentage(Utterance).Count;

    [Benchmark]
    public int Boolean() => ChoiceRecognizer.RecognizeBoolean(Utterance).Count;

    [Benchmark]
    public int Email() => SequenceRecognizer.RecognizeEmail(Utterance).Count;

    [Benchmark]
    public int PhoneNumber() => SequenceRecognizer.RecognizePhoneNumber(Utterance).Count;

    [Benchmark]
    public int Url() => SequenceRecognizer.RecognizeURL(Utterance).Count;

    [Benchmark]
    public int DateTime() => DateTimeRecognizer.RecognizeDateTime(Utterance, Culture.English, _reference).Count;

    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig() =>
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
    }
}
