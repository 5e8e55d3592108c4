using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt validator sees: the recognized answer, the prompt's options and how many answers were tried.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
public class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options, int attemptCount)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
    }

    /// <summary>The turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>What the prompt recognized.</summary>
    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's persisted state (validators may keep data here).</summary>
    public IDictionary<string, object?> State { get; }

    /// <summary>The prompt's options.</summary>
    public PromptOptions Options { get; }

    /// <summary>How many answers the user has given to this prompt, including this one.</summary>
    public int AttemptCount { get; }
}
