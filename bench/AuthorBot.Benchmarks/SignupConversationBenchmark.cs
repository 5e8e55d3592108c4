using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.Benchmarks;

/// <summary>
/// The peer benchmark's 4-turn newsletter signup ("subscribe to the newsletter", name, email, "yes") for a fresh
/// reader, through the real middleware (turn serialization, state load and save), state and dialogs, without HTTP.
/// The echo row runs the same adapter and middleware with a bot that only replies, so the difference is what state
/// and dialogs cost. Allocated bytes are exact; times are for comparison on one machine.
/// Run: dotnet run -c Release --project bench/AuthorBot.Benchmarks -- --filter *SignupConversation*
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class SignupConversationBenchmark
{
    private static readonly string[] _turns = ["subscribe to the newsletter", "Alice", "alice@example.com", "yes"];

    private DiscardingAdapter _adapter = null!;
    private IBot _readerBot = null!;
    private IBot _echoBot = null!;
    private int _conversation;

    [GlobalSetup]
    public void Setup()
    {
        var storage = new MemoryStorage();
        var userState = new UserState(storage);
        var conversationState = new ConversationState(storage);
        var services = new ServiceCollection()
            .AddSingleton<IStorage>(storage)
            .AddSingleton(userState)
            .AddSingleton(conversationState)
            .AddAuthorBotDialogs()
            .BuildServiceProvider();
        _readerBot = services.GetRequiredService<IBot>();
        _echoBot = new EchoBot();
        _adapter = new DiscardingAdapter();
        _adapter.Use(new TurnSerializationMiddleware());
        _adapter.Use(new AutoSaveStateMiddleware(userState, conversationState));
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
