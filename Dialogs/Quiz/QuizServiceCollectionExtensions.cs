using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>Registers the reader quiz: the question bank, the leaderboard (a reader data store), and the flow.</summary>
public static class QuizServiceCollectionExtensions
{
    /// <summary>Adds the reader quiz.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddReaderQuiz(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new QuizBank(sp.GetRequiredService<AuthorContent>()));
        services.TryAddSingleton(sp => new QuizLeaderboardStore(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<IReaderDataStore>(sp => sp.GetRequiredService<QuizLeaderboardStore>());
        services.TryAddSingleton(sp => new QuizRecords(
            sp.GetRequiredService<ReaderStateAccessors>(),
            sp.GetRequiredService<AuthorContent>(),
            sp.GetRequiredService<QuizBank>(),
            sp.GetRequiredService<QuizLeaderboardStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new QuizDialog(sp.GetRequiredService<QuizRecords>()));
        services.AddReaderFlow<QuizFlow>();
        return services;
    }
}
