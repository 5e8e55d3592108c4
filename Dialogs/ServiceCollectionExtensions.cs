using AuthorBot.BotFramework.Builder;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Dialogs.Routing;
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
        services.AddSingleton<ReaderMenu>();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<ReaderBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<ReaderBot>());
        return services;
    }
}
