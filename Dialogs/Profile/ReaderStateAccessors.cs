using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Quiz;
using AuthorBot.Dialogs.Recommendations;

namespace AuthorBot.Dialogs.Profile;

/// <summary>The state properties AuthorBot's flows share, created once so every dialog reads the same cache.</summary>
public sealed class ReaderStateAccessors
{
    /// <summary>Creates the accessors over the bot's user and conversation state.</summary>
    /// <param name="userState">Per-reader state.</param>
    /// <param name="conversationState">Per-conversation state.</param>
    public ReaderStateAccessors(UserState userState, ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(userState);
        ArgumentNullException.ThrowIfNull(conversationState);
        UserState = userState;
        ConversationState = conversationState;
        Profile = userState.CreateProperty<ReaderProfile>(nameof(ReaderProfile));
        QuizProgress = userState.CreateProperty<QuizProgress>(nameof(QuizProgress));
        DialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
        Welcomed = conversationState.CreateProperty<bool>("welcomed");
        BookCards = conversationState.CreateProperty<List<SentBookCard>>("bookCards");
        LastShownBooks = conversationState.CreateProperty<List<string>>("lastShownBooks");
    }

    /// <summary>Per-reader state.</summary>
    public UserState UserState { get; }

    /// <summary>Per-conversation state.</summary>
    public ConversationState ConversationState { get; }

    /// <summary>The reader's profile.</summary>
    public IStatePropertyAccessor<ReaderProfile> Profile { get; }

    /// <summary>The reader's quiz points, streak and badges.</summary>
    public IStatePropertyAccessor<QuizProgress> QuizProgress { get; }

    /// <summary>The dialog stack of the conversation.</summary>
    public IStatePropertyAccessor<DialogState> DialogState { get; }

    /// <summary>Whether this conversation already got a welcome (channels repeat conversationUpdate).</summary>
    public IStatePropertyAccessor<bool> Welcomed { get; }

    /// <summary>The book cards sent in the conversation, by message id (reactions name only the message).</summary>
    public IStatePropertyAccessor<List<SentBookCard>> BookCards { get; }

    /// <summary>The books of the last recommendation list, in card order: typed feedback may only name one of these.</summary>
    public IStatePropertyAccessor<List<string>> LastShownBooks { get; }
}
