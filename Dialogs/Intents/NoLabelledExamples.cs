using AuthorBot.Understanding.Intents;

namespace AuthorBot.Dialogs.Intents;

/// <summary>Until the host keeps a miss log, there are no labelled misses to learn from.</summary>
internal sealed class NoLabelledExamples : ILabelledExampleSource
{
    public Task<IReadOnlyList<IntentExample>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IntentExample>>([]);
}
