using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>A collection of dialogs that can call each other, with the accessor that stores their stack.</summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Creates a set whose stack is stored through <paramref name="dialogState"/>.</summary>
    /// <param name="dialogState">The accessor for the stack (usually a conversation state property); null for a component's inner set.</param>
    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
    {
        _dialogState = dialogState;
    }

    /// <summary>Adds a dialog; its id must be unique in the set.</summary>
    /// <param name="dialog">The dialog.</param>
    /// <returns>This set.</returns>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            throw new ArgumentException($"A different dialog with id '{dialog.Id}' is already in this set.", nameof(dialog));
        }

        _dialogs[dialog.Id] = dialog;
        return this;
    }

    /// <summary>Finds a dialog by id.</summary>
    /// <param name="dialogId">The id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? Find(string dialogId) => dialogId is not null && _dialogs.TryGetValue(dialogId, out var dialog) ? dialog : null;

    /// <summary>The dialogs in the set.</summary>
    /// <returns>The dialogs.</returns>
    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;

    /// <summary>Loads the stack for this turn and returns a context to drive it.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The dialog context.</returns>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a state accessor, so it cannot load a dialog stack.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }
}
