using AuthorBot.Dialogs.Events;
using AuthorBot.Dialogs.Launch;
using AuthorBot.Dialogs.Preferences;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Reminders;
using AuthorBot.Dialogs.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthorBot.Dialogs.Content;

/// <summary>Registers the flows built on the author's content: the new book, events, preferences and privacy.</summary>
public static class AuthorFlowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the author's content, the RSVP store (also as <see cref="IEventAttendance"/> and <see cref="IReaderDataStore"/>),
    /// user state as a reader data store, and the launch, events, preferences and privacy flows. Reminders go through
    /// the host's <see cref="IReminderScheduler"/>; until it registers one, a scheduler that refuses is used.
    /// </summary>
    /// <param name="services">The service collection (the host registers IStorage and user/conversation state).</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddAuthorFlows(this IServiceCollection services)
    {
        services.AddAuthorContent();
        services.TryAddSingleton<IReminderScheduler, UnavailableReminderScheduler>();
        services.TryAddSingleton<StoredReaderProfiles>();
        services.TryAddSingleton<EventRsvpService>();
        services.AddSingleton<IEventAttendance>(sp => sp.GetRequiredService<EventRsvpService>());
        services.AddSingleton<IReaderDataStore>(sp => sp.GetRequiredService<EventRsvpService>());
        services.AddSingleton<IReaderDataStore, UserStateDataStore>();

        services.AddSingleton<BookLaunchDialog>();
        services.AddSingleton<EventRsvpDialog>();
        services.AddSingleton<PreferencesDialog>();
        services.AddSingleton<PrivacyDialog>();
        services.AddReaderFlow<BookLaunchFlow>();
        services.AddReaderFlow<EventRsvpFlow>();
        services.AddReaderFlow<PreferencesFlow>();
        services.AddReaderFlow<PrivacyFlow>();
        services.AddSingleton<ICardActionHandler, EventCardActions>();
        return services;
    }
}
