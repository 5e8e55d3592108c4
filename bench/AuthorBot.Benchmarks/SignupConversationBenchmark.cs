using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs;
using AuthorBot.Dialogs.Intents;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AuthorBot.Benchmarks;

/// <summary>
/// The peer benchmark's 4-turn newsletter signup ("subscribe to the newsletter", name, email, "yes") for a fresh
/// reader, through the real middleware (turn serialization, state load and save), state and dialogs, without HTTP.
/// The echo row runs the same adapter and middleware with a bot that only replies, so the difference is what state
/// and dialogs cost. Allocated bytes are exact; times are for comparison on one machine.
/// <see cref="Telemetry"/> compares the ways telemetry can be on (<see cref="TurnTelemetryMode"/>) with none at all.
/// The intent classifier is trained in the set-up, as the host trains it at start-up, so no iteration pays for it.
/// Run: dotnet run -c Release --project bench/AuthorBot.Benchmarks -- --filter *SignupConversation*
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class SignupConversationBenchmark : IDisposable
{
    private static readonly string[] _turns = ["subscribe to the newsletter", "Alice", "alice@example.com", "yes"];

    private DiscardingAdapter _adapter = null!;
    private IBot _readerBot = null!;
    private IBot _echoBot = null!;
    private int _conversation;
    private ServiceProvider? _services;
    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    /// <summary>How the turn telemetry is wired.</summary>
    [Params(TurnTelemetryMode.Off, TurnTelemetryMode.NoExporter, TurnTelemetryMode.Listening)]
    public TurnTelemetryMode Telemetry { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var collection = new ServiceCollection()
            .AddSingleton<IStorage>(new MemoryStorage())
            .AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()))
            .AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()))
            .AddAuthorBotDialogs();
        if (Telemetry != TurnTelemetryMode.Off)
        {
            collection.AddBotFrameworkTelemetry(new ConfigurationBuilder().Build());
        }

        if (Telemetry == TurnTelemetryMode.Listening)
        {
            _tracing = Sdk.CreateTracerProviderBuilder().AddSource(BotTelemetry.SourceName).Build();
            _metrics = Sdk.CreateMeterProviderBuilder().AddMeter(BotTelemetry.MeterName).Build();
        }

        _services = collection.BuildServiceProvider();

        // The host trains the classifier before it takes a turn; untrained, the first invocation would train it and
        // BenchmarkDotNet's pilot would size the iterations on that.
        _services.GetRequiredService<ReaderUnderstanding>().GetClassifierAsync().GetAwaiter().GetResult();
        _readerBot = _services.GetRequiredService<IBot>();
        _echoBot = new EchoBot();
        _adapter = new DiscardingAdapter();
        if (Telemetry != TurnTelemetryMode.Off)
        {
            _adapter.Use(_services.GetRequiredService<TurnTelemetryMiddleware>());
        }

        _adapter.Use(new TurnSerializationMiddleware());
        _adapter.Use(new AutoSaveStateMiddleware(_services.GetRequiredService<UserState>(), _services.GetRequiredService<ConversationState>()));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _tracing?.Dispose();
        _metrics?.Dispose();
        _services?.Dispose();
        _tracing = null;
        _metrics = null;
        _services = null;
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public Task<int> EchoFourTurns() => RunAsync(_echoBot);

    [Benchmark]
    public Task<int> SignupFourTurns() => RunAsync(_readerBot);

    private async Task<int> RunAsync(IBot bot)
    {
        var n = ++_conversation;
        var replies = 0;
        foreach (var text in _turns)
        {
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = "a" + n,
                ChannelId = "emulator",
                ServiceUrl = "http://127.0.0.1:1",
                From = new ChannelAccount { Id = "user-" + n, Name = "Reader" },
                Recipient = new ChannelAccount { Id = "bot", Name = "bot" },
                Conversation = new ConversationAccount { Id = "conversation-" + n },
                Text = text,
                Locale = "en-US",
            };
            replies += await _adapter.RunAsync(activity, bot).ConfigureAwait(false);
        }

        return replies;
    }

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync("You said " + turnContext.Activity.Text, cancellationToken: cancellationToken);
    }

    private sealed class DiscardingAdapter : BotAdapter
    {
        private static readonly ResourceResponse _sentResponse = new() { Id = "sent" };
        private int _sent;

        public async Task<int> RunAsync(Activity activity, IBot bot)
        {
            _sent = 0;
            var context = new TurnContext(this, activity);
            await RunPipelineAsync(context, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
            return _sent;
        }

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            _sent += activities.Length;
            return Task.FromResult(Enumerable.Repeat(_sentResponse, activities.Length).ToArray());
        }

        public override Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult<ResourceResponse?>(_sentResponse);

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
        }
    }
}
