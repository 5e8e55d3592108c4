using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Dialogs;

/// <summary>The real bot and dialogs on an in-memory channel, wired the way the host wires them.</summary>
internal sealed class ReaderBotHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    /// <param name="storage">The store; a fresh MemoryStorage when null.</param>
    /// <param name="channelId">The channel the reader talks on.</param>
    /// <param name="user">The reader's id.</param>
    /// <param name="conversationId">The conversation's id.</param>
    /// <param name="configure">Replaces or adds services after the bot's own registrations (fakes for host-side seams).</param>
    public ReaderBotHarness(IStorage? storage = null, string channelId = "test", string user = "user1", string conversationId = "convo1", Action<IServiceCollection>? configure = null)
    {
        Storage = storage ?? new MemoryStorage();
        var userState = new UserState(Storage);
        var conversationState = new ConversationState(Storage);
        Clock = new FixedClock(Now);
        var services = new ServiceCollection();
        services.AddSingleton(Storage);
        services.AddSingleton(userState);
        services.AddSingleton(conversationState);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(SharedModels.Cache);
        services.AddAuthorBotDialogs();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
        Accessors = Services.GetRequiredService<ReaderStateAccessors>();
        Bot = Services.GetRequiredService<ReaderBot>();
        var reference = TestAdapter.CreateConversation(channelId, user);
        reference.Conversation = new ConversationAccount(isGroup: false, id: conversationId, name: conversationId);
        Adapter = new TestAdapter(reference);
        Adapter.Use(new TurnSerializationMiddleware());
        Adapter.Use(new AutoSaveStateMiddleware(userState, conversationState));
    }

    public IStorage Storage { get; }

    /// <summary>The bot's services, built the way the host builds them.</summary>
    public ServiceProvider Services { get; }

    public FixedClock Clock { get; }

    public ReaderStateAccessors Accessors { get; }

    public ReaderBot Bot { get; }

    public TestAdapter Adapter { get; }

    public TestFlow Flow() => new(Adapter, Bot);

    /// <summary>Reads the stored profile the way a later turn sees it: a fresh turn loads it from storage.</summary>
    public async Task<ReaderProfile?> StoredProfileAsync()
    {
        ReaderProfile? profile = null;
        var probe = Adapter.MakeActivity();
        probe.Type = ActivityTypes.Event;
        probe.Name = "test/readProfile";
        await Adapter.ProcessActivityAsync(probe, async (turnContext, cancellationToken) =>
            profile = await Accessors.Profile.GetAsync(turnContext, cancellationToken));
        return profile;
    }
}
