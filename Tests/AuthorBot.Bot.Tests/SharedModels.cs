using AuthorBot.Understanding.Intents;

namespace AuthorBot.Bot.Tests;

/// <summary>
/// One trained-model cache for the whole test process, passed to every host and harness through DI: the suite starts
/// dozens of bots over the same examples and should train the classifier once, as a long-running host does.
/// </summary>
internal static class SharedModels
{
    public static readonly IntentModelCache Cache = new();
}
