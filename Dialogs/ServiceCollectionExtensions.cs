using AuthorBot.BotFramework.Builder;
using AuthorBot.Dialogs.Answers;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.HandOff;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Quiz;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Dialogs.Routing;
using AuthorBot.Dialogs.Writing;
using AuthorBot.Understanding.Intents;
using AuthorBot.Understanding.Sentiment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthorBot.Dialogs;

/// <summary>Registers AuthorBot's conversations.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the bot, its dialogs and state accessors. Storage and user/conversation state come from the runtime's registration.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddAuthorBotDialogs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReaderStateAccessors>();
        services.TryAddSingleton<INewsletterConfirmations, SingleOptInConfirmations>();
        services.AddSingleton<NewsletterSignupDialog>();
        services.AddReaderFlow<NewsletterFlow>();
        services.AddAuthorFlows();
        services.AddRecommendationFlow();
        services.AddWritingFeedback();
        services.AddReaderQuiz();
        services.AddSingleton<ReaderMenu>();
        services.AddReaderUnderstanding();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<ReaderBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<ReaderBot>());
        return services;
    }

    /// <summary>
    /// Adds the intent classifier and sentiment (trained at start-up by a hosted service), the answers from the author's
    /// content, and the hand-off to the author. The miss log, the labelled misses and the author's inbox live in memory
    /// until the host registers stores of its own; hosts that start many instances in one process (tests) may register
    /// one <see cref="IntentModelCache"/> first to train once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddReaderUnderstanding(this IServiceCollection services)
    {
        services.TryAddSingleton<IntentModelCache>();
        services.TryAddSingleton(_ => VaderSentiment.LoadShipped());
        services.TryAddSingleton<MemoryMissLog>();
        services.TryAddSingleton<IMissLog>(sp => sp.GetRequiredService<MemoryMissLog>());
        services.TryAddSingleton<ILabelledExampleSource>(sp => sp.GetRequiredService<MemoryMissLog>());
        services.TryAddSingleton<IAuthorInbox, MemoryAuthorInbox>();
        services.AddSingleton(sp => new ReaderUnderstanding(
            sp.GetRequiredService<AuthorContent>(),
            sp.GetRequiredService<IntentModelCache>(),
            sp.GetRequiredService<ILabelledExampleSource>(),
            sp.GetRequiredService<VaderSentiment>()));
        services.AddHostedService<UnderstandingStartup>();
        services.AddSingleton<ReaderAnswers>();
        services.AddSingleton<IntentTitles>();
        services.AddSingleton<HandOffDialog>();
        return services;
    }
}
