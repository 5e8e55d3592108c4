using AuthorBot.BotFramework.Builder.Testing;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.Dialogs;

/// <summary>A minimal bot around one root dialog: run it each turn, save conversation state, remember the results.</summary>
internal sealed class DialogHarness
{
    public DialogHarness(Dialog root, IStorage? storage = null, string channelId = "test")
    {
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        DialogStateAccessor = ConversationState.CreateProperty<DialogState>("dialogState");
        Adapter = new TestAdapter(channelId);
        Root = root;
    }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> DialogStateAccessor { get; }

    public TestAdapter Adapter { get; }

    public Dialog Root { get; }

    public List<DialogTurnResult> Results { get; } = [];

    public TestFlow Flow() => new(Adapter, async (turn, ct) =>
    {
        Results.Add(await Root.RunAsync(turn, DialogStateAccessor, ct));
        await ConversationState.SaveChangesAsync(turn, cancellationToken: ct);
    });
}
